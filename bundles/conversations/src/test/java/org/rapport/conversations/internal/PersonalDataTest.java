package org.rapport.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.DataFile;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.Erasure;
import org.rapport.compliance.RetentionAction;
import org.rapport.conversations.channel.Attachment;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.Received;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** Export, erasure and retention of conversation data, on H2 and PostgreSQL. */
class PersonalDataTest {
    private World world;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @TempDir
    Path data;

    private ConversationsPersonalData provider() {
        return new ConversationsPersonalData(world.db.store(), data);
    }

    private Attachment keep(String location, String content) throws Exception {
        Path file = data.resolve(location);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new Attachment(file.getFileName().toString(), "text/plain", content.length(), location, null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void attachmentFilesAreExportedAndDeletedByErasure(String kind) throws Exception {
        world = new World(kind);
        Attachment invoice = keep("email/attachments/support/2026-12-06/u1/发票.txt", "invoice 13812345678");
        Attachment legacy = new Attachment("old.txt", "text/plain", 3, "support/2026-01-01/u0/old.txt", null);
        keep("email/attachments/support/2026-01-01/u0/old.txt", "old"); // stored before locations were under the data directory
        Attachment hostile = new Attachment("passwd", "text/plain", 1, "../outside.txt", null);
        Files.writeString(data.getParent().resolve("outside.txt"), "not ours");
        Attachment refused = new Attachment("run.exe", "application/x-msdownload", 10, null, "refused: executable");
        world.service.receive(new InboundMessage("email", "", "<a1@acme.cn>", "zhang.wei@acme.cn", "张伟", "发票",
                "请看附件", null, List.of(), null, null, List.of(invoice, legacy, hostile, refused), Map.of()));
        Attachment chat = keep("webchat/attachments/s1/f-photo.txt", "photo");
        Attachment other = keep("webchat/attachments/s2/f-other.txt", "someone else's");
        world.service.receive(new InboundMessage("webchat", "", "w1", "session-1", null, null, "[photo]", null, List.of(),
                null, world.zhang.id(), List.of(chat), Map.of()));
        world.service.receive(new InboundMessage("webchat", "", "w2", "session-2", null, null, "[other]", null, List.of(),
                null, null, List.of(other), Map.of()));

        DataTable table = provider().export(world.zhang.id()).stream().filter(t -> t.name().equals("attachments")).findFirst().orElseThrow();
        assertThat(table.rows()).hasSize(5);
        assertThat(table.rows()).extracting(r -> r.get(1)).containsExactly("发票.txt", "old.txt", "passwd", "run.exe", "f-photo.txt");
        assertThat(table.rows()).extracting(r -> r.get(4)).filteredOn(java.util.Objects::nonNull).hasSize(3);
        List<DataFile> files = provider().files(world.zhang.id());
        assertThat(files).extracting(DataFile::name).hasSize(3).allMatch(n -> n.startsWith("attachments/"))
                .anyMatch(n -> n.endsWith("-发票.txt"));
        assertThat(files).extracting(f -> Files.readString(f.source())).containsExactlyInAnyOrder("invoice 13812345678", "old", "photo");

        Erasure erasure = provider().erase(world.zhang.id(), World.ADMIN);
        assertThat(erasure.items()).contains(new Erasure.Item("attachment files", RetentionAction.DELETE, 3));
        assertThat(data.resolve("email/attachments/support/2026-12-06/u1")).doesNotExist();
        assertThat(data.resolve("email/attachments/support/2026-01-01/u0/old.txt")).doesNotExist();
        assertThat(data.resolve("webchat/attachments/s1")).doesNotExist();
        assertThat(data.resolve("webchat/attachments/s2/f-other.txt")).hasContent("someone else's");
        assertThat(data.getParent().resolve("outside.txt")).hasContent("not ours");
        Files.delete(data.getParent().resolve("outside.txt"));
        assertThat(provider().files(world.zhang.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retentionDeletesTheFilesOfTheMessagesItRemoves(String kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2020-01-01T08:00:00Z"));
        world = new World(kind, clock);
        Attachment old = keep("webchat/attachments/s1/f-old.txt", "old");
        world.service.receive(new InboundMessage("webchat", "", "w3", "session-1", null, null, "[old]", null, List.of(), null, null,
                List.of(old), Map.of()));
        Attachment oldMail = keep("email/attachments/support/2020-01-01/u/old.txt", "old mail");
        world.service.receive(new InboundMessage("email", "", "<o@acme.cn>", "zhang.wei@acme.cn", null, "Old", "old", null, List.of(),
                null, null, List.of(oldMail), Map.of()));
        clock.advance(Duration.ofDays(6 * 365));
        Attachment recent = keep("webchat/attachments/s1/f-new.txt", "new");
        world.service.receive(new InboundMessage("webchat", "", "w4", "session-1", null, null, "[new]", null, List.of(), null, null,
                List.of(recent), Map.of()));
        Instant cutoff = clock.instant().minus(Duration.ofDays(3 * 365));

        assertThat(provider().applyRetention("chat-transcripts", cutoff, RetentionAction.DELETE)).isPositive();
        assertThat(provider().applyRetention("email-messages", cutoff, RetentionAction.ANONYMISE)).isPositive();
        assertThat(data.resolve("webchat/attachments/s1/f-old.txt")).doesNotExist();
        assertThat(data.resolve("email/attachments/support/2020-01-01/u")).doesNotExist();
        assertThat(data.resolve("webchat/attachments/s1/f-new.txt")).hasContent("new");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void exportHoldsTheContactsConversations_andErasureLeavesNothingOfThem(String kind) throws Exception {
        world = new World(kind);
        Received r = world.service.receive(new InboundMessage("email", "", "<e1@acme.cn>", "zhang.wei@acme.cn", "张伟", "我的账户",
                "我要投诉，手机 13812345678 被乱收费", null, List.of(), null, null, List.of(), Map.of()));
        world.service.receive(InboundMessage.of("sms", "s1", "+8613812345678", "你好"));
        world.service.receive(InboundMessage.of("sms", "other", "+8613900000009", "hello from someone else"));

        List<DataTable> export = provider().export(world.zhang.id());
        assertThat(export).extracting(DataTable::name).containsExactly("conversations", "messages", "complaints", "attachments");
        assertThat(export.get(0).rows()).hasSize(2);
        assertThat(export.get(1).rows()).anySatisfy(row -> assertThat(row.get(5).toString()).contains("13812345678"));
        assertThat(export.get(2).rows()).singleElement();
        assertThat(provider().export(424242)).isEmpty();

        Erasure erasure = provider().erase(world.zhang.id(), World.ADMIN);
        assertThat(erasure.items()).extracting(Erasure.Item::what).contains("conversations", "messages", "complaints");
        assertThat(provider().export(world.zhang.id())).isEmpty();
        try (Handle h = world.db.jdbi().open()) {
            for (String table : List.of("conv_conversation", "conv_message", "conv_complaint", "conv_external_ref")) {
                String dump = h.createQuery("SELECT * FROM " + table).mapToMap().list().toString();
                assertThat(dump).as(table).doesNotContain("13812345678", "zhang.wei", "张伟", "乱收费", "e1@acme.cn");
            }
            assertThat(h.createQuery("SELECT COUNT(*) FROM conv_conversation WHERE contact_id = :c").bind("c", world.zhang.id())
                    .mapTo(Long.class).one()).isZero();
            // the other sender's messages are untouched
            assertThat(h.createQuery("SELECT COUNT(*) FROM conv_message WHERE body LIKE '%someone else%'").mapTo(Long.class).one())
                    .isPositive();
        }
        assertThat(world.service.conversation(r.conversationId()).orElseThrow().status()).isEqualTo("closed");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTestMailRenderedForTheContactIsInTheirExportAndBlankedByTheirErasure(String kind) throws Exception {
        world = new World(kind);
        world.staff.setEmail(1, "admin@rapport.example");
        var about = world.service.sendToStaff(new org.rapport.conversations.StaffOutgoing(1, "[TEST] 新年问候", "尊敬的张伟，新年快乐",
                null, "org.rapport.campaigns", "campaign:5:test-self:1", world.zhang.id()));
        var unrelated = world.service.sendToStaff(new org.rapport.conversations.StaffOutgoing(1, "[TEST] Hello", "Dear colleague", null,
                "org.rapport.campaigns", "campaign:5:test-self:2"));
        assertThat(about.status()).isEqualTo("queued");

        List<DataTable> export = provider().export(world.zhang.id());
        assertThat(export).filteredOn(t -> t.name().equals("messages")).singleElement()
                .satisfies(t -> assertThat(t.rows()).anySatisfy(row -> assertThat(row.get(5).toString()).contains("张伟，新年快乐")));

        provider().erase(world.zhang.id(), World.ADMIN);

        try (Handle h = world.db.jdbi().open()) {
            String dump = h.createQuery("SELECT * FROM conv_message").mapToMap().list() + " "
                    + h.createQuery("SELECT * FROM conv_conversation").mapToMap().list();
            assertThat(dump).doesNotContain("张伟", "新年");
            assertThat(dump).contains("Dear colleague"); // the internal mail about nobody stays
            assertThat(h.createQuery("SELECT state FROM conv_outbox WHERE message_id = :m").bind("m", about.messageId())
                    .mapTo(String.class).one()).isEqualTo("blocked"); // not sent after the erasure
            assertThat(h.createQuery("SELECT state FROM conv_outbox WHERE message_id = :m").bind("m", unrelated.messageId())
                    .mapTo(String.class).one()).isEqualTo("pending");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retentionDeletesOrBlanksOldMessagesOfOneChannel(String kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2020-01-01T08:00:00Z"));
        world = new World(kind, clock);
        world.service.receive(InboundMessage.of("sms", "old", "+8613812345678", "old message"));
        world.service.receive(new InboundMessage("email", "", "<old@acme.com>", "john.smith@acme.com", null, "Old", "old mail", null,
                List.of(), null, null, List.of(), Map.of()));
        clock.advance(Duration.ofDays(6 * 365));
        world.service.receive(InboundMessage.of("sms", "new", "+8613812345678", "new message"));
        Instant cutoff = clock.instant().minus(Duration.ofDays(5 * 365));

        long anonymised = provider().applyRetention("email-messages", cutoff, RetentionAction.ANONYMISE);
        assertThat(anonymised).isGreaterThanOrEqualTo(1);
        long deleted = provider().applyRetention("sms-messages", cutoff, RetentionAction.DELETE);
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        try (Handle h = world.db.jdbi().open()) {
            List<String> bodies = h.createQuery("SELECT body FROM conv_message").mapTo(String.class).list();
            assertThat(bodies).contains("new message").doesNotContain("old message", "old mail").contains(PersonalDataRepository.ERASED);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider().applyRetention("faxes", cutoff, RetentionAction.DELETE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
