package org.rapport.campaigns.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.rapport.campaigns.Rule;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.Records;
import org.rapport.records.Standing;
import org.rapport.records.TransactionInput;
import org.rapport.records.internal.RecordsService;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.testing.FakeStaff;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** A throwaway database with the records, compliance-consent and campaigns schemas, and a few clients. */
final class TestWorld implements AutoCloseable {
    static final Principal ADMIN = new Principal(1, "admin", "Admin", Set.of(Role.ADMIN), Principal.Kind.SESSION, null, Set.of());
    static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    final TestDb db;
    final Records records;
    final FakeStaff staff = new FakeStaff();
    /** Stands at {@link #NOW} until a test moves it on. */
    final MutableClock clock = new MutableClock(NOW);
    final FakeMessenger messenger = new FakeMessenger();
    final MessageRenderer renderer;
    final CampaignService service;
    /** Acme: core, loyal, shanghai, tags vip; manager 11; churn 10; contacts zhang (zh), smith (en). */
    final Client acme;
    /** Beta: standard, at_risk, beijing, tags none; no manager; churn 80; contact li (zh). */
    final Client beta;
    final Contact zhang;
    final Contact smith;
    final Contact li;

    TestWorld(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V2__contact_point_lookup.sql",
                "db/migration/V3__segment_views.sql", "db/migration/V1__consent_and_gate.sql", "db/migration/V5__consent_view.sql",
                "db/migration/V1__campaigns.sql", "db/migration/V2__campaign_steps.sql");
        records = new RecordsService(db.store(), TestDb.schemaReady("org.rapport.records"));
        staff.add(11, "wang.fang", Role.MANAGER);
        acme = records.createClient(new ClientInput("Acme Trading", null, "Trade", "Shanghai", new BigDecimal("12000000"), 80,
                List.of("VIP", "export"), "active", null), ADMIN);
        records.updateStanding(acme.id(), new Standing("core", "loyal", 11L, 80, 10), "test", ADMIN);
        beta = records.createClient(new ClientInput("Beta Machinery", null, "Machinery", "Beijing", null, null, List.of(), "active", null),
                ADMIN);
        records.updateStanding(beta.id(), new Standing("standard", "at_risk", null, 40, 80), "test", ADMIN);
        zhang = records.addContact(acme.id(), contact("张伟", "zhang@acme.cn", "zh"), ADMIN);
        smith = records.addContact(acme.id(), contact("John Smith", "smith@acme.com", "en"), ADMIN);
        li = records.addContact(beta.id(), contact("李娜", "li@beta.cn", "zh"), ADMIN);
        records.addInteraction(acme.id(), new InteractionInput(zhang.id(), "phone", "outbound", "contact", "Quarterly call", null, 11L,
                "Wang", NOW.minusSeconds(86_400L * 10)), ADMIN);
        records.addTransactions(acme.id(), List.of(
                new TransactionInput(LocalDate.of(2026, 10, 1), new BigDecimal("50000"), "CNY", "loan", "T1"),
                new TransactionInput(LocalDate.of(2026, 11, 1), new BigDecimal("70000"), "CNY", "loan", "T2"),
                new TransactionInput(LocalDate.of(2024, 1, 1), new BigDecimal("999999"), "CNY", "loan", "T0")), ADMIN);
        renderer = new MessageRenderer(new TemplateEngine(), staff, () -> null, () -> null);
        service = new CampaignService(db.store(), messenger, renderer, Settings.defaults(), clock, () -> true);
    }

    private static ContactInput contact(String name, String email, String language) {
        return new ContactInput(name, "Manager", List.of(email), List.of(), "email", language, "Asia/Shanghai");
    }

    /** Records an explicit consent state as the compliance bundle would. */
    void consent(long contactId, String channel, String purpose, boolean granted) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO cmp_consent (contact_id, channel, purpose, granted, source, actor_id, "
                        + "actor_name, changed_at) VALUES (:c, :ch, :p, :g, 'test', 0, 'test', :now)")
                .bind("c", contactId).bind("ch", channel).bind("p", purpose).bind("g", granted).bind("now", java.sql.Timestamp.from(NOW))
                .execute());
    }

    long count(Rule rule) {
        return service.preview(rule, 0).count();
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
