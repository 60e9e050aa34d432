package org.rapport.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Constants;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.conversations.ConversationQuery;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.StaffOutgoing;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** Internal messages to staff: through the gate (purpose internal, no contact) and the outbox, never in a client conversation. */
class StaffMessagesTest {
    private World world;
    private Dispatcher dispatcher;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
        world = new World(kind, clock);
        Settings s = Settings.defaults();
        dispatcher = new Dispatcher(world.db.store(), new Settings(s.reopenWindow(), s.maxTextChars(), 4, 50, 3, s.lease(), Map.of(), "n1"),
                clock, false);
        dispatcher.setGate(world.gate);
    }

    @AfterEach
    void close() throws Exception {
        if (dispatcher != null) {
            dispatcher.deactivate();
        }
        if (world != null) {
            world.close();
        }
    }

    private static StaffOutgoing test(long staffId, String key) {
        return new StaffOutgoing(staffId, "[TEST] Spring greetings", "Dear 张伟, happy new year", null, "org.rapport.campaigns", key);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStaffMessageGoesThroughTheGateAndTheOutboxToTheirOwnAddress(String kind) throws Exception {
        open(kind);
        world.staff.setEmail(1, "admin@rapport.example");

        SendOutcome outcome = world.service.sendToStaff(test(1, "campaign:5:test:1"));

        assertThat(outcome.status()).isEqualTo("queued");
        assertThat(world.gate.asked).singleElement().satisfies(r -> {
            assertThat(r.contactId()).isNull();
            assertThat(r.channel()).isEqualTo("email");
            assertThat(r.address()).isEqualTo("admin@rapport.example");
            assertThat(r.purpose()).isEqualTo(Purpose.INTERNAL);
            assertThat(r.sender()).isEqualTo("org.rapport.campaigns");
            assertThat(r.content()).startsWith("[TEST] Spring greetings\n");
        });
        FakeAdapter adapter = new FakeAdapter();
        dispatcher.addAdapter(adapter, Map.of(ChannelAdapter.CHANNEL, "email", ChannelAdapter.ACCOUNT, "", Constants.SERVICE_RANKING, 0,
                Constants.SERVICE_ID, 1L));
        while (dispatcher.passOnce() > 0) {
            // drain
        }
        assertThat(adapter.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("admin@rapport.example");
            assertThat(m.subject()).isEqualTo("[TEST] Spring greetings");
            assertThat(m.contactId()).isNull();
        });
        assertThat(world.service.statuses(List.of("campaign:5:test:1"))).containsEntry("campaign:5:test:1", "sent");

        for (String status : new String[] {null, "open", "waiting", "closed"}) {
            assertThat(world.service.list(new ConversationQuery(null, false, status, null, null, null, 1, 50)).items())
                    .as("no inbox view lists the internal message (status %s)", status).isEmpty();
        }
        assertThat(outcome.conversationId()).isNotNull();
        assertThat(world.service.conversation(outcome.conversationId())).as("nor is it found by its id").isEmpty();
        assertThat(world.service.sendToStaff(test(1, "campaign:5:test:1")).status()).isEqualTo("duplicate");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withoutAnEmailOrForAnUnknownMemberNothingIsSent(String kind) throws Exception {
        open(kind);
        SendOutcome noEmail = world.service.sendToStaff(test(1, "k1"));
        assertThat(noEmail.status()).isEqualTo("unreachable");
        assertThat(noEmail.reasonCode()).isEqualTo("no_address");
        assertThat(world.service.sendToStaff(test(999, "k2")).status()).isEqualTo("invalid");
        assertThat(world.service.sendToStaff(new StaffOutgoing(1, "s", " ", null, "t", "k3")).status()).isEqualTo("invalid");
        assertThat(world.gate.asked).isEmpty();
        assertThat(world.service.outboxCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void whatTheGateRefusesIsNotStored(String kind) throws Exception {
        open(kind);
        world.staff.setEmail(21, "agent.a@rapport.example");
        world.gate.rule = (OutboundRequest r) -> world.gate.deny("not_staff_address");
        SendOutcome outcome = world.service.sendToStaff(test(21, "k1"));
        assertThat(outcome.status()).isEqualTo("blocked");
        assertThat(outcome.reasonCode()).isEqualTo("not_staff_address");
        assertThat(outcome.messageId()).isNull();
        assertThat(world.service.outboxCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }
}
