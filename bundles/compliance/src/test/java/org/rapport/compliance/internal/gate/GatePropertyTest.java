package org.rapport.compliance.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.Channels;
import org.rapport.compliance.Decision;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.Fixture;
import org.rapport.records.Contact;
import org.rapport.testing.TestDb;

/**
 * Property: random outbound messages against random consent states, opt-outs, clock moves and
 * earlier sends — the gate never allows what it must not, and allows what it may, as an
 * independent model of the rules says. Seeds are printed on failure.
 */
class GatePropertyTest {
    private static final List<String> CONTENTS = List.of("Your statement is ready", "身份证 11010519491231002X", "Card 4111-1111-1111-1111",
            "编号 110105194912310021", "您的账户经理是张伟");
    private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/London", "America/New_York");
    private static final int MAX_MARKETING = 2;
    private static final int MAX_CARE = 3;

    private Fixture f;

    static List<Object[]> runs() {
        List<Object[]> runs = new ArrayList<>();
        for (String kind : TestDb.kinds()) {
            runs.add(new Object[] {kind, 20261125L, kind.equals(TestDb.H2) ? 1500 : 400});
            runs.add(new Object[] {kind, System.nanoTime(), kind.equals(TestDb.H2) ? 1500 : 400});
        }
        return runs;
    }

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    /** The model: explicit consents, counted sends and their references. */
    private static final class Model {
        final Map<String, Boolean> explicit = new HashMap<>();
        final Map<String, List<Instant>> counted = new HashMap<>();
        final Set<String> countedReferences = new HashSet<>();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void theGateNeverAllowsWhatItMustNot(String kind, long seed, int steps) throws Exception {
        f = new Fixture(kind, Map.of("frequencyCaps", "marketing=" + MAX_MARKETING + "/7d,care=" + MAX_CARE + "/2d"));
        Random random = new Random(seed);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(f.contact("P" + i, "p" + i + "@example.cn", "1380000100" + i, ZONES.get(i % ZONES.size())));
        }
        Model model = new Model();
        for (int step = 0; step < steps; step++) {
            String context = "seed " + seed + ", step " + step;
            int action = random.nextInt(10);
            Contact c = contacts.get(random.nextInt(contacts.size()));
            String channel = Channels.ALL.get(random.nextInt(3));
            Purpose purpose = Purpose.values()[random.nextInt(3)];
            if (action == 0) {
                boolean granted = random.nextBoolean();
                f.consents.set(c.id(), channel, purpose, granted, "console", null, Fixture.AGENT);
                model.explicit.put(key(c.id(), channel, purpose), granted);
            } else if (action == 1) {
                String address = channel.equals("email") || channel.equals("webchat") ? c.emails().get(0) : c.phones().get(0);
                f.consents.optOutByAddress(channel, address, "STOP");
                model.explicit.put(key(c.id(), channel, Purpose.CARE), false);
                model.explicit.put(key(c.id(), channel, Purpose.MARKETING), false);
            } else if (action == 2) {
                f.clock.advance(Duration.ofMinutes(random.nextInt(12 * 60)));
            } else {
                int who = random.nextInt(12);
                Long contactId = who < 10 ? Long.valueOf(c.id()) : who == 10 ? null : Long.valueOf(999_000L + random.nextInt(100));
                boolean reply = random.nextInt(4) == 0;
                String reference = random.nextInt(3) == 0 ? null : "ref:" + random.nextInt(40);
                String content = CONTENTS.get(random.nextInt(CONTENTS.size()));
                String address = channel.equals("email") ? c.emails().get(0) : channel.equals("sms") ? c.phones().get(0) : "chat-" + step;
                OutboundRequest request = new OutboundRequest(contactId, channel, address, purpose, content, "org.rapport.test", reply,
                        reference);
                GateDecision decision = f.gate.check(request);
                Decision expected = expected(model, request, c, f.clock.instant());
                assertThat(decision.decision()).as("%s: %s → %s", context, request, decision).isEqualTo(expected);
                if (expected == Decision.ALLOW && contactId != null && contactId == c.id() && !(reply && purpose == Purpose.SERVICE)) {
                    String refKey = key(c.id(), "*", purpose) + "/" + reference;
                    if (reference == null || model.countedReferences.add(refKey)) {
                        model.counted.computeIfAbsent(key(c.id(), "*", purpose), k -> new ArrayList<>()).add(f.clock.instant());
                    }
                }
            }
        }
    }

    private static Decision expected(Model model, OutboundRequest r, Contact c, Instant now) {
        boolean sms = r.channel().equals("sms");
        boolean breaksContent = sms && (r.content().contains("11010519491231002X") || r.content().contains("4111-1111-1111-1111"));
        if (breaksContent) {
            return Decision.DENY;
        }
        boolean serviceReply = r.replyToClient() && r.purpose() == Purpose.SERVICE;
        if (r.contactId() == null) {
            return serviceReply ? Decision.ALLOW : Decision.DENY;
        }
        if (r.contactId() != c.id()) {
            return Decision.DENY; // unknown contact
        }
        if (serviceReply) {
            return Decision.ALLOW;
        }
        Boolean explicit = model.explicit.get(key(c.id(), r.channel(), r.purpose()));
        boolean granted = explicit != null ? explicit : r.purpose() == Purpose.SERVICE;
        if (!granted) {
            return Decision.DENY;
        }
        LocalTime local = now.atZone(ZoneId.of(c.timeZone())).toLocalTime();
        if (!local.isBefore(LocalTime.of(21, 0)) || local.isBefore(LocalTime.of(8, 0))) {
            return Decision.DEFER;
        }
        if (r.purpose() != Purpose.SERVICE) {
            String capKey = key(c.id(), "*", r.purpose());
            boolean sameMessage = r.reference() != null && model.countedReferences.contains(capKey + "/" + r.reference());
            int max = r.purpose() == Purpose.MARKETING ? MAX_MARKETING : MAX_CARE;
            Duration window = r.purpose() == Purpose.MARKETING ? Duration.ofDays(7) : Duration.ofDays(2);
            long inWindow = model.counted.getOrDefault(capKey, List.of()).stream().filter(t -> !t.isBefore(now.minus(window))).count();
            if (!sameMessage && inWindow >= max) {
                return Decision.DENY;
            }
        }
        return Decision.ALLOW;
    }

    private static String key(long contactId, String channel, Purpose purpose) {
        return contactId + "/" + channel + "/" + purpose.id();
    }
}
