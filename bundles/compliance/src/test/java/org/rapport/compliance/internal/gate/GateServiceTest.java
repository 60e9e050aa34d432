package org.rapport.compliance.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.Decision;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.Fixture;
import org.rapport.records.Contact;
import org.rapport.testing.TestDb;

/** The outbound gate over the real records and consent services, on H2 and PostgreSQL. */
class GateServiceTest {
    private Fixture f;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private static OutboundRequest send(Contact c, String channel, Purpose purpose, String content) {
        String address = channel.equals("email") ? c.emails().get(0) : channel.equals("sms") ? c.phones().get(0) : "chat-1";
        return new OutboundRequest(c.id(), channel, address, purpose, content, "org.rapport.test", false, null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void consentDecidesAndEveryDecisionIsStored(String kind) throws Exception {
        f = new Fixture(kind);
        Contact wang = f.contact("Wang Fang", "wang@example.cn", "13812345678", "Asia/Shanghai");

        GateDecision service = f.gate.check(send(wang, "email", Purpose.SERVICE, "Your statement is ready"));
        assertThat(service.decision()).isEqualTo(Decision.ALLOW);
        GateDecision marketing = f.gate.check(send(wang, "email", Purpose.MARKETING, "New FX product"));
        assertThat(marketing.decision()).isEqualTo(Decision.DENY);
        assertThat(marketing.reasonCode()).isEqualTo("no_consent");

        f.consents.set(wang.id(), "email", Purpose.MARKETING, true, "web_form", "form 42", Fixture.AGENT);
        assertThat(f.gate.check(send(wang, "email", Purpose.MARKETING, "New FX product")).allowed()).isTrue();
        assertThat(f.gate.check(send(wang, "sms", Purpose.MARKETING, "New FX product")).reasonCode())
                .as("consent is per channel").isEqualTo("no_consent");

        f.consents.set(wang.id(), "email", Purpose.SERVICE, false, "console", "asked by phone", Fixture.AGENT);
        GateDecision optedOut = f.gate.check(send(wang, "email", Purpose.SERVICE, "Your statement is ready"));
        assertThat(optedOut.reasonCode()).isEqualTo("opted_out");
        assertThat(optedOut.reason()).contains("2026-11-25").contains("console");
        OutboundRequest reply = new OutboundRequest(wang.id(), "email", "WANG@example.cn", Purpose.SERVICE, "Re: my question",
                "org.rapport.test", true, "outbox:1");
        assertThat(f.gate.check(reply).allowed()).as("a reply to the client's own request passes an opt-out").isTrue();

        long stored = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cmp_decision").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(6);
        assertThat(service.id()).isPositive();
        String storedCode = f.db.jdbi().withHandle(h -> h.createQuery("SELECT reason_code FROM cmp_decision WHERE id = :id")
                .bind("id", marketing.id()).mapTo(String.class).one());
        assertThat(storedCode).isEqualTo("no_consent");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unknownRecipientsAndAddresses(String kind) throws Exception {
        f = new Fixture(kind);
        Contact li = f.contact("Li Lei", "li@example.cn", "13900001111", null);
        assertThat(f.gate.check(new OutboundRequest(999_999L, "sms", "13900001111", Purpose.SERVICE, "hi", "t", false, null)).reasonCode())
                .isEqualTo("unknown_contact");
        assertThat(f.gate.check(new OutboundRequest(null, "email", "lead@example.com", Purpose.SERVICE, "Thanks for writing", "t", true,
                null)).allowed()).as("an unidentified sender gets a service reply").isTrue();
        assertThat(f.gate.check(new OutboundRequest(null, "email", "lead@example.com", Purpose.MARKETING, "Offer", "t", true, null))
                .reasonCode()).isEqualTo("unknown_contact");
        assertThat(f.gate.check(new OutboundRequest(li.id(), "email", "someone.else@example.cn", Purpose.SERVICE, "hi", "t", false, null))
                .reasonCode()).isEqualTo("unknown_address");
        assertThat(f.gate.check(new OutboundRequest(li.id(), "sms", "139 0000 1111", Purpose.SERVICE, "hi", "t", false, null)).allowed())
                .as("a phone written differently is the same number").isTrue();
        assertThatThrownBy(() -> f.gate.check(new OutboundRequest(li.id(), "fax", "x", Purpose.SERVICE, "hi", "t", false, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.gate.check(new OutboundRequest(li.id(), "sms", "x", null, "hi", "t", false, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void quietHoursFollowTheRecipientsZone(String kind) throws Exception {
        f = new Fixture(kind);
        Contact shanghai = f.contact("Zhao Min", "zhao@example.cn", "13700002222", "Asia/Shanghai");
        Contact london = f.contact("Ann Smith", "ann@example.co.uk", "+442071234567", "Europe/London");
        f.clock.set(Instant.parse("2026-11-25T15:30:00Z")); // 23:30 in Shanghai, 15:30 in London
        GateDecision deferred = f.gate.check(send(shanghai, "sms", Purpose.SERVICE, "Your card was dispatched"));
        assertThat(deferred.decision()).isEqualTo(Decision.DEFER);
        assertThat(deferred.reasonCode()).isEqualTo("quiet_hours");
        assertThat(deferred.retryAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z")); // 08:00 in Shanghai
        assertThat(f.gate.check(send(london, "sms", Purpose.SERVICE, "Your card was dispatched")).allowed()).isTrue();
        OutboundRequest reply = new OutboundRequest(shanghai.id(), "sms", "13700002222", Purpose.SERVICE, "Yes, it is open", "t", true, null);
        assertThat(f.gate.check(reply).allowed()).as("replies are not held back at night").isTrue();
        f.clock.set(Instant.parse("2026-11-25T23:59:59Z"));
        assertThat(f.gate.check(send(shanghai, "sms", Purpose.SERVICE, "x")).retryAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        f.clock.set(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(f.gate.check(send(shanghai, "sms", Purpose.SERVICE, "x")).allowed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void frequencyCapsCountAllowedMessagesOnce(String kind) throws Exception {
        f = new Fixture(kind, Map.of("frequencyCaps", "marketing=2/7d"));
        Contact c = f.contact("Qian Yu", "qian@example.cn", "13600003333", "Asia/Shanghai");
        f.consents.set(c.id(), "email", Purpose.MARKETING, true, "web_form", null, Fixture.AGENT);
        f.consents.set(c.id(), "sms", Purpose.MARKETING, true, "web_form", null, Fixture.AGENT);
        OutboundRequest first = new OutboundRequest(c.id(), "email", "qian@example.cn", Purpose.MARKETING, "A", "t", false, "outbox:1");
        assertThat(f.gate.check(first).allowed()).isTrue();
        assertThat(f.gate.check(first).allowed()).as("the same reference again").isTrue();
        assertThat(f.gate.dryRun(new OutboundRequest(c.id(), "sms", null, Purpose.MARKETING, "B", "console", false, null), Fixture.ADMIN)
                .allowed()).isTrue();
        assertThat(f.gate.check(new OutboundRequest(c.id(), "sms", "13600003333", Purpose.MARKETING, "B", "t", false, "outbox:2"))
                .allowed()).as("caps count across channels; the re-check and the dry run did not count").isTrue();
        GateDecision third = f.gate.check(new OutboundRequest(c.id(), "email", "qian@example.cn", Purpose.MARKETING, "C", "t", false,
                "outbox:3"));
        assertThat(third.decision()).isEqualTo(Decision.DENY);
        assertThat(third.reasonCode()).isEqualTo("frequency_cap");
        assertThat(third.reason()).contains("2 per 7 days");
        assertThat(f.gate.check(first).allowed()).as("a message already counted is not capped by later ones").isTrue();
        f.clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(f.gate.check(new OutboundRequest(c.id(), "email", "qian@example.cn", Purpose.MARKETING, "D", "t", false, "outbox:4"))
                .allowed()).as("the window moved on").isTrue();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBatchIsDecidedAsOneCheckAfterAnother(String kind) throws Exception {
        f = new Fixture(kind, Map.of("frequencyCaps", "marketing=2/7d"));
        Contact a = f.contact("Sun Li", "sun@example.cn", "13500004444", "Asia/Shanghai");
        Contact b = f.contact("Bob Green", "bob@example.com", "+14155550100", "America/New_York");
        f.consents.set(a.id(), "email", Purpose.MARKETING, true, "web_form", null, Fixture.AGENT);
        OutboundRequest unknown = new OutboundRequest(424_242L, "email", "x@example.com", Purpose.MARKETING, "X", "t", false, "outbox:9");
        List<OutboundRequest> batch = List.of(
                new OutboundRequest(a.id(), "email", "sun@example.cn", Purpose.MARKETING, "A", "t", false, "outbox:1"),
                send(b, "email", Purpose.MARKETING, "B"),
                new OutboundRequest(a.id(), "email", "sun@example.cn", Purpose.MARKETING, "C", "t", false, "outbox:2"),
                unknown,
                new OutboundRequest(a.id(), "email", "sun@example.cn", Purpose.MARKETING, "D", "t", false, "outbox:3"));
        List<GateDecision> decisions = f.gate.checkAll(batch);
        assertThat(decisions).extracting(GateDecision::reasonCode)
                .as("in order; the cap counts the batch's own earlier messages")
                .containsExactly("allowed", "no_consent", "allowed", "unknown_contact", "frequency_cap");
        long stored = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cmp_decision").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(5);
        assertThat(decisions).extracting(GateDecision::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(f.gate.check(new OutboundRequest(a.id(), "email", "sun@example.cn", Purpose.MARKETING, "E", "t", false, "outbox:4"))
                .reasonCode()).as("a single check after the batch sees its decisions").isEqualTo("frequency_cap");
        assertThat(f.gate.checkAll(List.of())).isEmpty();
        assertThatThrownBy(() -> f.gate.checkAll(List.of(send(b, "email", Purpose.SERVICE, "ok"),
                new OutboundRequest(b.id(), "fax", "x", Purpose.SERVICE, "hi", "t", false, null))))
                .isInstanceOf(IllegalArgumentException.class);
        long after = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cmp_decision").mapTo(Long.class).one());
        assertThat(after).as("a malformed request decides none of its batch").isEqualTo(6);

        // the same message twice in one batch counts once; each decision's id names its own stored row
        Contact c = f.contact("Chen Yu", "chen@example.cn", "13500005555", "Asia/Shanghai");
        f.consents.set(c.id(), "email", Purpose.MARKETING, true, "web_form", null, Fixture.AGENT);
        List<String> references = List.of("outbox:r1", "outbox:r1", "outbox:r2", "outbox:r3");
        List<GateDecision> repeated = f.gate.checkAll(references.stream()
                .map(r -> new OutboundRequest(c.id(), "email", "chen@example.cn", Purpose.MARKETING, "Hi " + r, "t", false, r)).toList());
        assertThat(repeated).extracting(GateDecision::reasonCode).containsExactly("allowed", "allowed", "allowed", "frequency_cap");
        for (int i = 0; i < repeated.size(); i++) {
            long id = repeated.get(i).id();
            Map<String, Object> row = f.db.jdbi().withHandle(h -> h.createQuery("SELECT reference, counted FROM cmp_decision WHERE id = :id")
                    .bind("id", id).mapToMap().one());
            assertThat(row.get("reference")).isEqualTo(references.get(i));
            assertThat(row.get("counted")).as("counted: " + references.get(i) + " #" + i).isEqualTo(i == 0 || i == 2);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void contentRulesKeepIdAndCardNumbersOutOfSms(String kind) throws Exception {
        f = new Fixture(kind);
        Contact c = f.contact("Sun Li", "sun@example.cn", "13500004444", "Asia/Shanghai");
        GateDecision id = f.gate.check(send(c, "sms", Purpose.SERVICE, "您的身份证号 11010519491231002X 已登记"));
        assertThat(id.reasonCode()).isEqualTo("content_rule");
        assertThat(id.reason()).contains("resident ID");
        assertThat(f.gate.check(send(c, "sms", Purpose.SERVICE, "编号 110105194912310021 已登记")).allowed())
                .as("a wrong check digit is not an ID number").isTrue();
        assertThat(f.gate.check(send(c, "sms", Purpose.SERVICE, "Card 4111 1111 1111 1111 is active")).reasonCode()).isEqualTo("content_rule");
        assertThat(f.gate.check(send(c, "sms", Purpose.SERVICE, "Order 4111 1111 1111 1112 shipped")).allowed()).isTrue();
        assertThat(f.gate.check(send(c, "email", Purpose.SERVICE, "Card 4111 1111 1111 1111 is active")).allowed())
                .as("the default rules are for SMS").isTrue();
        assertThat(f.gate.check(new OutboundRequest(c.id(), "sms", "13500004444", Purpose.SERVICE, "11010519491231002X", "t", true, null))
                .reasonCode()).as("content rules hold for replies too").isEqualTo("content_rule");
    }
}
