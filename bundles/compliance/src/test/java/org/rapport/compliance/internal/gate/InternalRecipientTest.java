package org.rapport.compliance.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.rapport.security.Role;
import org.rapport.security.StaffMember;
import org.rapport.testing.TestDb;

/** The gate's internal-recipient rule: internal messages only to an enabled staff member's own address, on H2 and PostgreSQL. */
class InternalRecipientTest {
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

    private static OutboundRequest internal(Long contactId, String channel, String address, String reference) {
        return new OutboundRequest(contactId, channel, address, Purpose.INTERNAL, "[TEST] Spring greetings\nDear Wang Fang",
                "org.rapport.test", false, reference);
    }

    private Map<String, Object> stored(long id) {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT contact_id, address, purpose, decision, reason_code, counted FROM cmp_decision "
                + "WHERE id = :id").bind("id", id).mapToMap().one());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void allowedToAnEnabledStaffMembersOwnAddress_andLoggedLikeAnyDecision(String kind) throws Exception {
        f = new Fixture(kind);
        StaffMember admin = f.staff.add(1, "admin", Role.ADMIN);
        f.staff.setEmail(admin.id(), "Admin@Example.com");

        GateDecision decision = f.gate.check(internal(null, "email", "admin@example.com", "outbox:t1"));

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.reasonCode()).isEqualTo("allowed");
        assertThat(decision.reason()).contains("admin");
        Map<String, Object> row = stored(decision.id());
        assertThat(row.get("contact_id")).isNull();
        assertThat(row.get("address")).isEqualTo("admin@example.com");
        assertThat(row.get("purpose")).isEqualTo("internal");
        assertThat(row.get("decision").toString()).isEqualToIgnoringCase("allow");
        assertThat(row.get("counted")).isEqualTo(false);
        assertThat(f.gate.checkAll(List.of(internal(null, "email", " ADMIN@example.com ", "outbox:t2"))))
                .extracting(GateDecision::decision).containsExactly(Decision.ALLOW);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusedToAnAddressThatIsNoStaffMembers(String kind) throws Exception {
        f = new Fixture(kind);
        StaffMember admin = f.staff.add(1, "admin", Role.ADMIN);
        f.staff.setEmail(admin.id(), "admin@example.com");
        Contact wang = f.contact("Wang Fang", "wang@example.cn", "13812345678", "Asia/Shanghai");
        f.staff.add(2, "agent", Role.AGENT); // no email at all

        GateDecision stranger = f.gate.check(internal(null, "email", "someone@elsewhere.example", null));
        assertThat(stranger.decision()).isEqualTo(Decision.DENY);
        assertThat(stranger.reasonCode()).isEqualTo("not_staff_address");
        assertThat(stranger.reason()).contains("not a staff member's registered email address");
        assertThat(stored(stranger.id()).get("reason_code")).isEqualTo("not_staff_address");

        GateDecision client = f.gate.check(internal(null, "email", "wang@example.cn", null));
        assertThat(client.reasonCode()).as("a client's address is not a staff address").isEqualTo("not_staff_address");

        GateDecision toContact = f.gate.check(internal(wang.id(), "email", "wang@example.cn", null));
        assertThat(toContact.reasonCode()).as("internal messages never go to a contact").isEqualTo("not_staff_address");

        GateDecision toContactAtStaffAddress = f.gate.check(internal(wang.id(), "email", "admin@example.com", null));
        assertThat(toContactAtStaffAddress.reasonCode()).isEqualTo("not_staff_address");

        GateDecision bySms = f.gate.check(internal(null, "sms", "13812345678", null));
        assertThat(bySms.reasonCode()).isEqualTo("not_staff_address");

        GateDecision blank = f.gate.check(internal(null, "email", null, null));
        assertThat(blank.reasonCode()).isEqualTo("not_staff_address");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusedForADisabledStaffMember(String kind) throws Exception {
        f = new Fixture(kind);
        StaffMember agent = f.staff.add(2, "agent", Role.AGENT);
        f.staff.setEmail(agent.id(), "agent@example.com");
        assertThat(f.gate.check(internal(null, "email", "agent@example.com", null)).allowed()).isTrue();

        f.staff.disable(agent.id());
        GateDecision decision = f.gate.check(internal(null, "email", "agent@example.com", null));

        assertThat(decision.decision()).isEqualTo(Decision.DENY);
        assertThat(decision.reasonCode()).isEqualTo("not_staff_address");
        assertThat(decision.reason()).contains("disabled");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void clientRulesAreUnchanged_andContentRulesStillApplyToInternalMessages(String kind) throws Exception {
        f = new Fixture(kind);
        StaffMember admin = f.staff.add(1, "admin", Role.ADMIN);
        f.staff.setEmail(admin.id(), "admin@example.com");
        Contact wang = f.contact("Wang Fang", "wang@example.cn", "13812345678", "Asia/Shanghai");

        OutboundRequest marketingToStaffAddress = new OutboundRequest(null, "email", "admin@example.com", Purpose.MARKETING, "Offer",
                "org.rapport.test", false, null);
        assertThat(f.gate.check(marketingToStaffAddress).reasonCode())
                .as("only the internal purpose reaches staff without a contact").isEqualTo("unknown_contact");
        OutboundRequest marketing = new OutboundRequest(wang.id(), "email", "wang@example.cn", Purpose.MARKETING, "Offer",
                "org.rapport.test", false, null);
        assertThat(f.gate.check(marketing).reasonCode()).isEqualTo("no_consent");
        assertThat(f.consents.of(wang.id())).as("clients have no consent for internal messages")
                .noneMatch(c -> c.purpose() == Purpose.INTERNAL);

        f = closeAndReopen(kind, Map.of("contentRules", new String[] {"email:bank_card"}));
        StaffMember again = f.staff.add(1, "admin", Role.ADMIN);
        f.staff.setEmail(again.id(), "admin@example.com");
        OutboundRequest withCard = new OutboundRequest(null, "email", "admin@example.com", Purpose.INTERNAL, "Card 4111 1111 1111 1111 is active",
                "org.rapport.test", false, null);
        assertThat(f.gate.check(withCard).reasonCode()).isEqualTo("content_rule");
    }

    private Fixture closeAndReopen(String kind, Map<String, Object> config) throws Exception {
        f.close();
        f = null;
        return new Fixture(kind, config);
    }
}
