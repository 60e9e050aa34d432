package org.rapport.compliance.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapport.compliance.internal.audit.AuditLog;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.consent.ConsentService;
import org.rapport.compliance.internal.gate.GateService;
import org.rapport.records.ClientInput;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.Records;
import org.rapport.records.internal.RecordsService;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.store.SchemaReady;
import org.rapport.testing.MutableClock;
import org.rapport.testing.FakeStaff;
import org.rapport.testing.TestDb;

/** A throwaway database with the records and compliance schemas, the real records service and the compliance services over it. */
public final class Fixture implements AutoCloseable {
    public static final Principal ADMIN = new Principal(1, "admin", "Admin", Set.of(Role.ADMIN), Principal.Kind.SESSION, null, Set.of());
    public static final Principal AGENT = new Principal(3, "agent", "Agent", Set.of(Role.AGENT), Principal.Kind.SESSION, null, Set.of());
    /** Wednesday 2026-11-25 10:00 in Shanghai. */
    public static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");

    public final TestDb db;
    public final MutableClock clock = new MutableClock(MORNING);
    public final Records records;
    public final ConsentService consents;
    public final GateService gate;
    public final FakeStaff staff = new FakeStaff();
    private AuditLog auditLog;

    public Fixture(String kind) throws Exception {
        this(kind, Map.of());
    }

    public Fixture(String kind, Map<String, Object> config) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V2__contact_point_lookup.sql",
                "db/migration/V1__consent_and_gate.sql");
        records = new RecordsService(db.store(), schema("org.rapport.records"));
        ComplianceConfig cfg = Configs.with(ComplianceConfig.class, config);
        consents = ConsentService.create(db.store(), records, cfg, "https://care.example.com/", clock);
        gate = GateService.create(db.store(), records, consents, staff, cfg, clock);
    }

    public static SchemaReady schema(String bundle) {
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

    /** Adds the audit, request, retention, monitoring, report and policy tables; returns this. */
    public Fixture withAllTables() {
        db.migrate("db/migration/V2__audit.sql", "db/migration/V3__requests_and_retention.sql",
                "db/migration/V4__monitoring_reports_policies.sql");
        return this;
    }

    /** The audit log over this database (stopped on close). */
    public AuditLog auditLog() {
        if (auditLog == null) {
            auditLog = new AuditLog(db.store(), schema("org.rapport.compliance"));
        }
        return auditLog;
    }

    /** The audit trail over this database, on the fixture's clock. */
    public AuditTrail auditTrail() {
        return AuditTrail.create(db.store(), clock);
    }

    /** A new client with one contact. */
    public Contact contact(String name, String email, String phone, String zone) {
        long client = records.createClient(new ClientInput("Client " + java.util.UUID.randomUUID().toString().substring(0, 8), null, null, null, null, null, null, null, null), ADMIN).id();
        return records.addContact(client, new ContactInput(name, null, email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), null, "en", zone), ADMIN);
    }

    @Override
    public void close() throws Exception {
        if (auditLog != null) {
            auditLog.stop();
        }
        db.close();
    }
}
