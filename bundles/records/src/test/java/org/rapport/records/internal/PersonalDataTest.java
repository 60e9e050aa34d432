package org.rapport.records.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.records.ClientInput;
import org.rapport.records.Contact;
import org.rapport.records.ContactData;
import org.rapport.records.ContactErasure;
import org.rapport.records.ContactInput;
import org.rapport.records.FollowUpInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.RecordsEvents;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.testing.TestDb;

/** A contact's data for export, its erasure, and retention of interactions and history, on H2 and PostgreSQL. */
class PersonalDataTest {
    private static final Principal ADMIN = new Principal(1, "admin", "Admin", Set.of(Role.ADMIN), Principal.Kind.SESSION, null, Set.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private TestDb db;
    private RecordsService records;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private Contact setUp(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V2__contact_point_lookup.sql");
        records = new RecordsService(db.store(), CLOCK);
        long client = records.createClient(new ClientInput("杭州西湖茶业有限公司", null, null, null, null, null, null, null, null), ADMIN).id();
        Contact chen = records.addContact(client, new ContactInput("陈静", "采购经理", List.of("chen.jing@xihu.example.cn"),
                List.of("13912345678"), "email", "zh", null), ADMIN);
        records.addContact(client, new ContactInput("Other Person", null, List.of("other@xihu.example.cn"), List.of(), null, "en", null), ADMIN);
        records.updateContact(chen.id(), new ContactInput("陈静", "采购总监", List.of("chen.jing@xihu.example.cn"), List.of("13912345678"),
                "email", "zh", null), ADMIN);
        records.addInteraction(client, new InteractionInput(chen.id(), "phone", "inbound", "contact", "陈静 asked about 13912345678",
                null, null, null, Instant.parse("2019-01-10T02:00:00Z")), ADMIN);
        records.addInteraction(client, new InteractionInput(null, "visit", "outbound", "contact", "Visit without a contact", null, null,
                null, Instant.parse("2026-10-01T02:00:00Z")), ADMIN);
        records.addTask(client, new FollowUpInput(chen.id(), "Call 陈静 back", LocalDate.of(2026, 12, 1), null, null), ADMIN);
        return chen;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void exportHoldsTheContactsRecords(String kind) throws Exception {
        Contact chen = setUp(kind);
        ContactData data = records.contactData(chen.id()).orElseThrow();
        assertThat(data.contact().emails()).containsExactly("chen.jing@xihu.example.cn");
        assertThat(data.deleted()).isFalse();
        assertThat(data.interactions()).hasSize(1);
        assertThat(data.tasks()).extracting(t -> t.title()).containsExactly("Call 陈静 back");
        assertThat(data.changes()).extracting(c -> c.field()).contains("created", "title");
        records.deleteContact(chen.id(), ADMIN);
        assertThat(records.contactData(chen.id())).as("a deleted contact's data is still held").hasValueSatisfying(d -> assertThat(d.deleted()).isTrue());
        assertThat(records.contactData(987654)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void erasureLeavesNothingIdentifying(String kind) throws Exception {
        Contact chen = setUp(kind);
        db.clearEvents();
        ContactErasure erasure = records.eraseContact(chen.id(), "data-subject request #1", ADMIN);
        assertThat(erasure.contacts()).isEqualTo(1);
        assertThat(erasure.contactPoints()).isEqualTo(2);
        assertThat(erasure.interactions()).isEqualTo(1);
        assertThat(erasure.tasks()).isEqualTo(1);
        assertThat(erasure.changes()).isGreaterThanOrEqualTo(3);
        for (String needle : List.of("陈静", "chen.jing", "13912345678", "采购")) {
            assertThat(dump()).as(needle).doesNotContain(needle);
        }
        assertThat(dump()).contains("Other Person").contains("Visit without a contact");
        assertThat(records.contactData(chen.id())).isEmpty();
        assertThat(records.contactsByEmail("chen.jing@xihu.example.cn")).isEmpty();
        assertThat(db.events()).extracting(TestDb.Emitted::topic)
                .contains(RecordsEvents.CONTACT_DELETED, RecordsEvents.INTERACTIONS_CHANGED);
        assertThat(db.events().stream().filter(e -> e.topic().equals(RecordsEvents.CONTACT_DELETED)).findFirst().orElseThrow()
                .properties()).containsEntry(RecordsEvents.ERASED, true);
        assertThatThrownBy(() -> records.eraseContact(chen.id(), null, ADMIN)).isInstanceOf(NoSuchRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retentionAnonymisesOrDeletesOldInteractions(String kind) throws Exception {
        setUp(kind);
        assertThat(records.removeInteractions(Instant.parse("2021-11-23T00:00:00Z"), true, ADMIN)).isEqualTo(1);
        assertThat(dump()).doesNotContain("asked about").contains("Visit without a contact");
        assertThat(records.removeInteractions(Instant.parse("2021-11-23T00:00:00Z"), true, ADMIN)).as("nothing left to anonymise").isZero();
        assertThat(records.removeInteractions(Instant.parse("2026-11-01T00:00:00Z"), false, ADMIN)).isEqualTo(2);
        long left = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM rec_interaction").mapTo(Long.class).one());
        assertThat(left).isZero();
        assertThat(records.removeHistory(Instant.parse("2030-01-01T00:00:00Z"))).isPositive();
    }

    /** Every text cell of the records tables. */
    private String dump() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("rec_client", "rec_contact", "rec_contact_point", "rec_interaction", "rec_task", "rec_change")) {
            db.jdbi().useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> all.append(row.values()).append('\n')));
        }
        return all.toString();
    }
}
