package org.rapport.conversations.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.Records;
import org.rapport.records.Standing;
import org.rapport.records.internal.RecordsService;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.store.SchemaReady;
import org.rapport.testing.FakeStaff;
import org.rapport.testing.TestDb;

/** A throwaway database with the records and conversations schemas, a client with two contacts, staff, and the services. */
final class World implements AutoCloseable {
    static final Principal ADMIN = new Principal(1, "admin", "Admin", Set.of(Role.ADMIN), Principal.Kind.SESSION, null, Set.of());

    final TestDb db;
    final Records records;
    final FakeStaff staff = new FakeStaff();
    final FakeGate gate = new FakeGate();
    final Bot bot = new Bot(Configs.of(BotConfig.class, Map.of()));
    final Clock clock;
    final ConversationService service;
    final Client acme;
    final Contact zhang;
    final Contact smith;

    World(String kind, Clock clock) throws Exception {
        this.clock = clock;
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V1__conversations.sql",
                "db/migration/V2__external_ref_by_conversation.sql", "db/migration/V3__internal_about_contact.sql",
                "db/migration/V4__wider_attachments.sql");
        records = new RecordsService(db.store(), schema("org.rapport.records"));
        staff.add(1, "admin", Role.ADMIN);
        staff.add(11, "wang.fang", Role.MANAGER);
        staff.add(21, "agent.a", Role.AGENT);
        staff.add(22, "agent.b", Role.AGENT);
        acme = records.createClient(new ClientInput("Acme Trading Co., Ltd.", null, "Trade", "Shanghai", new BigDecimal("12000000"), 80,
                List.of(), "active"), ADMIN);
        records.updateStanding(acme.id(), new Standing("key", "repeat", 11L, 70, 20), "test", ADMIN);
        zhang = records.addContact(acme.id(), new ContactInput("张伟", "CFO", List.of("zhang.wei@acme.cn"), List.of("+8613812345678"), "email",
                "zh", "Asia/Shanghai"), ADMIN);
        smith = records.addContact(acme.id(), new ContactInput("John Smith", "Treasurer", List.of("john.smith@acme.com"), List.of(), "email",
                "en", "Europe/London"), ADMIN);
        service = new ConversationService(db.store(), records, staff, bot, Settings.defaults(), clock);
        service.setGate(gate);
    }

    World(String kind) throws Exception {
        this(kind, Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC));
    }

    static SchemaReady schema(String bundle) {
        return new SchemaReady() {
            @Override
            public String bundle() {
                return bundle;
            }

            @Override
            public String schemaVersion() {
                return "1";
            }
        };
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
