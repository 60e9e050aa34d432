package org.rapport.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.conversations.Conversation;
import org.rapport.conversations.Complaint;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.ConversationQuery;
import org.rapport.conversations.Message;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.Received;
import org.rapport.records.Interaction;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** The conversations core over the real records service and schema, on H2 and PostgreSQL. */
class ConversationServiceTest {
    private World world;
    private MutableClock clock;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private World open(String kind) throws Exception {
        clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
        world = new World(kind, clock);
        return world;
    }

    @AfterEach
    void close() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    private static InboundMessage email(String id, String from, String subject, String text, String... references) {
        return new InboundMessage("email", "", id, from, null, subject, text, null, List.of(references), null, null, List.of(), Map.of());
    }

    private List<Message> thread(long conversationId) {
        return world.service.messages(conversationId);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aKnownSendersMailIsThreaded_putOnTheTimeline_andAnsweredThroughTheGate(String kind) throws Exception {
        open(kind);
        Received r = world.service.receive(email("<m1@acme.cn>", "Zhang.Wei@ACME.cn", "开户", "请问对公账户开户需要哪些材料？"));
        assertThat(r.contactId()).isEqualTo(world.zhang.id());
        assertThat(r.duplicate()).isFalse();
        Conversation c = world.service.conversation(r.conversationId()).orElseThrow();
        assertThat(c.clientId()).isEqualTo(world.acme.id());
        assertThat(c.language()).isEqualTo("zh");
        assertThat(c.assigneeId()).isEqualTo(11L); // the account manager
        assertThat(c.name()).isEqualTo("张伟");

        List<Message> messages = thread(c.id());
        assertThat(messages).extracting(Message::direction).containsExactly("inbound", "outbound", "note");
        Message answer = messages.get(1);
        assertThat(answer.author()).isEqualTo("bot");
        assertThat(answer.status()).isEqualTo("queued");
        assertThat(answer.subject()).isEqualTo("Re: 开户");
        // no education library installed: a person takes the question
        assertThat(world.service.conversation(c.id()).orElseThrow().status()).isEqualTo("waiting");
        assertThat(world.gate.asked).singleElement().satisfies(q -> {
            assertThat(q.contactId()).isEqualTo(world.zhang.id());
            assertThat(q.replyToClient()).isTrue();
            assertThat(q.channel()).isEqualTo("email");
            assertThat(q.address()).isEqualTo("zhang.wei@acme.cn");
        });
        List<Interaction> timeline = world.records.interactions(world.acme.id(), 1, 10).items();
        assertThat(timeline).singleElement().satisfies(i -> {
            assertThat(i.direction()).isEqualTo("inbound");
            assertThat(i.channel()).isEqualTo("email");
            assertThat(i.contactId()).isEqualTo(world.zhang.id());
            assertThat(i.messageRef()).isEqualTo("conversation:" + c.id() + "/message:" + r.messageId());
            assertThat(i.summary()).contains("开户", "哪些材料");
        });
        assertThat(world.db.events()).extracting(TestDb.Emitted::topic).contains(ConversationEvents.CONVERSATION_CREATED,
                ConversationEvents.MESSAGE_RECEIVED, ConversationEvents.MESSAGE_QUEUED, ConversationEvents.CONVERSATION_HANDOVER);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRetransmissionIsRecognised_andStoresNothingNew(String kind) throws Exception {
        open(kind);
        Received first = world.service.receive(email("<same@acme.com>", "john.smith@acme.com", "Hello", "Hi"));
        int messages = thread(first.conversationId()).size();
        Received again = world.service.receive(email("<same@acme.com>", "john.smith@acme.com", "Hello", "Hi"));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(thread(first.conversationId())).hasSize(messages);
        assertThat(world.records.interactions(world.acme.id(), 1, 10).total()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void repliesThreadByReference_freshMailStartsAConversation_andOldOnesAreNotReopened(String kind) throws Exception {
        open(kind);
        Received first = world.service.receive(email("<a1@acme.com>", "john.smith@acme.com", "Statements", "Hello"));
        Received reply = world.service.receive(email("<a2@acme.com>", "john.smith@acme.com", "Re: Statements", "Thanks!", "<a1@acme.com>"));
        assertThat(reply.conversationId()).isEqualTo(first.conversationId());
        Received fresh = world.service.receive(email("<a3@acme.com>", "john.smith@acme.com", "Fees", "Hi"));
        assertThat(fresh.conversationId()).isNotEqualTo(first.conversationId());

        world.service.close(first.conversationId(), World.ADMIN);
        clock.advance(Duration.ofDays(2));
        Received withinWindow = world.service.receive(email("<a4@acme.com>", "john.smith@acme.com", "Re: Statements", "Hi again",
                "<a2@acme.com>"));
        assertThat(withinWindow.conversationId()).isEqualTo(first.conversationId());
        assertThat(world.service.conversation(first.conversationId()).orElseThrow().status()).isNotEqualTo("closed");

        world.service.close(first.conversationId(), World.ADMIN);
        clock.advance(Duration.ofDays(8));
        Received late = world.service.receive(email("<a5@acme.com>", "john.smith@acme.com", "Re: Statements", "Hello?", "<a4@acme.com>"));
        assertThat(late.conversationId()).isNotEqualTo(first.conversationId());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void smsThreadsByTheSender_andAnUnknownSenderIsALeadWhoGetsNoAccountData(String kind) throws Exception {
        open(kind);
        Received a = world.service.receive(InboundMessage.of("sms", "s1", "+8613812345678", "你好"));
        Received b = world.service.receive(InboundMessage.of("sms", "s2", "+8613812345678", "谢谢"));
        assertThat(b.conversationId()).isEqualTo(a.conversationId());
        assertThat(a.contactId()).isEqualTo(world.zhang.id());

        Received stranger = world.service.receive(InboundMessage.of("sms", "s3", "+8613900000000", "我的客户经理是谁"));
        assertThat(stranger.contactId()).isNull();
        Message answer = thread(stranger.conversationId()).get(1);
        assertThat(answer.intent()).isEqualTo("account_manager");
        assertThat(answer.text()).doesNotContain("WANG.FANG").contains("验证");
        assertThat(world.service.conversation(stranger.conversationId()).orElseThrow().contactId()).isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aComplaintIsFiledWithAReference_onTheTimeline_andGoesToAPerson(String kind) throws Exception {
        open(kind);
        Received r = world.service.receive(email("<c1@acme.com>", "john.smith@acme.com", "Fees",
                "This is unacceptable, you overcharged us again for the transfer"));
        List<Message> messages = thread(r.conversationId());
        Message answer = messages.get(1);
        assertThat(answer.intent()).isEqualTo("complaint");
        assertThat(answer.text()).containsPattern("C-20261205-\\d{4}");
        Conversation c = world.service.conversation(r.conversationId()).orElseThrow();
        assertThat(c.mode()).isEqualTo("human");
        assertThat(c.status()).isEqualTo("waiting");
        assertThat(c.handoverSummary()).startsWith("Complaint:").containsPattern("C-20261205-\\d{4}");
        assertThat(world.records.interactions(world.acme.id(), 1, 10).items()).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo("complaint"));

        Received status = world.service.receive(email("<c2@acme.com>", "john.smith@acme.com", "Re: Fees", "any update on my complaint?",
                "<c1@acme.com>"));
        // in human mode the bot stays quiet: the question waits for staff
        assertThat(thread(status.conversationId())).last().satisfies(m -> assertThat(m.direction()).isEqualTo("inbound"));

        // staff work the complaint through its workflow; closing it tells whoever listens (a follow-up campaign)
        Complaint filed = world.service.complaints(Complaint.RECEIVED, 10).get(0);
        assertThat(filed.reference()).matches("C-20261205-\\d{4}");
        assertThat(filed.contactId()).isNotNull();
        assertThatThrownBy(() -> world.service.moveComplaint(filed.id(), "sideways", null, World.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(world.service.moveComplaint(filed.id(), "analysing", "fee schedule checked", World.ADMIN).status()).isEqualTo("analysing");
        assertThatThrownBy(() -> world.service.moveComplaint(filed.id(), Complaint.RECEIVED, null, World.ADMIN))
                .as("the workflow only moves forward").isInstanceOf(IllegalArgumentException.class);
        world.db.clearEvents();
        Complaint closed = world.service.moveComplaint(filed.id(), Complaint.CLOSED, "refunded the fee", World.ADMIN);
        assertThat(closed.status()).isEqualTo(Complaint.CLOSED);
        assertThat(world.service.complaint(filed.id()).orElseThrow().status()).isEqualTo(Complaint.CLOSED);
        assertThat(world.service.complaints(Complaint.RECEIVED, 10)).isEmpty();
        assertThat(world.db.events()).filteredOn(e -> e.topic().equals(ConversationEvents.COMPLAINT_CLOSED)).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry(ConversationEvents.CONTACT_ID, filed.contactId())
                        .containsEntry(ConversationEvents.COMPLAINT_ID, filed.id()));
        assertThat(thread(r.conversationId())).anySatisfy(m -> assertThat(m.text()).contains("analysing → closed").contains("refunded the fee"));
        assertThat(world.service.moveComplaint(filed.id(), "resolving", "client wrote again", World.ADMIN).status())
                .as("a closed complaint can be reopened").isEqualTo("resolving");
        assertThatThrownBy(() -> world.service.moveComplaint(4242, Complaint.CLOSED, null, World.ADMIN))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void staffReplyNoteAssignHandoverAndClose(String kind) throws Exception {
        open(kind);
        Received r = world.service.receive(InboundMessage.of("sms", "x1", "+8613812345678", "转人工"));
        Conversation c = world.service.conversation(r.conversationId()).orElseThrow();
        assertThat(c.mode()).isEqualTo("human");
        assertThat(c.assigneeId()).isEqualTo(11L);

        Message reply = world.service.reply(c.id(), "您好，我是王芳，请问有什么可以帮您？", World.ADMIN);
        assertThat(reply.author()).isEqualTo("staff");
        assertThat(reply.status()).isEqualTo("queued");
        assertThat(world.service.conversation(c.id()).orElseThrow().status()).isEqualTo("open");
        assertThat(world.service.note(c.id(), "called back, no answer", World.ADMIN).direction()).isEqualTo("note");

        assertThat(world.service.assign(c.id(), 21L, "manager on leave", World.ADMIN).assigneeName()).isEqualTo("AGENT.A");
        assertThatThrownBy(() -> world.service.assign(c.id(), 999L, null, World.ADMIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.service.reply(c.id(), "  ", World.ADMIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.service.reply(4242, "hi", World.ADMIN)).isInstanceOf(java.util.NoSuchElementException.class);

        Conversation closed = world.service.close(c.id(), World.ADMIN);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(world.service.list(new ConversationQuery(null, false, null, null, null, null, 1, 50)).items())
                .extracting(Conversation::id).doesNotContain(c.id());
        assertThat(world.service.list(new ConversationQuery(null, false, "closed", "sms", null, world.acme.id(), 1, 50)).items())
                .extracting(Conversation::id).containsExactly(c.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withoutAManagerAHandoverGoesToTheLeastLoadedAgent(String kind) throws Exception {
        open(kind);
        world.staff.disable(11);
        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Received r = world.service.receive(InboundMessage.of("sms", "h" + i, "+861390000000" + i, "人工"));
            assignees.add(world.service.conversation(r.conversationId()).orElseThrow().assigneeId());
        }
        assertThat(assignees).containsExactly(21L, 22L, 21L, 22L);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theGatesDecisionDecidesWhatIsQueued(String kind) throws Exception {
        open(kind);
        world.gate.rule = q -> world.gate.deny("opted_out");
        Received r = world.service.receive(InboundMessage.of("sms", "g1", "+8613812345678", "你好"));
        Message blocked = thread(r.conversationId()).get(1);
        assertThat(blocked.status()).isEqualTo("blocked");
        assertThat(blocked.statusDetail()).contains("opted_out");
        assertThat(world.service.outboxCounts()).containsEntry("pending", 0L);

        world.gate.rule = q -> world.gate.defer(Instant.parse("2026-12-06T01:00:00Z"));
        Received d = world.service.receive(InboundMessage.of("sms", "g2", "+8613812345678", "谢谢"));
        assertThat(thread(d.conversationId())).last().satisfies(m -> assertThat(m.status()).isEqualTo("deferred"));
        assertThat(world.service.outboxCounts()).containsEntry("deferred", 1L);

        world.service.unsetGate(world.gate);
        Received held = world.service.receive(InboundMessage.of("sms", "g3", "+8613812345678", "谢谢"));
        assertThat(thread(held.conversationId())).last().satisfies(m -> {
            assertThat(m.status()).isEqualTo("queued");
            assertThat(m.statusDetail()).contains("compliance");
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theMessengerSendsEachKeyOnce_andReportsWhatItDidNotSend(String kind) throws Exception {
        open(kind);
        world.gate.rule = q -> q.contactId() == world.smith.id() ? world.gate.deny("no_consent") : world.gate.allow();
        List<SendOutcome> outcomes = world.service.sendAll(List.of(
                new Outgoing(world.zhang.id(), null, "care", "季度问候", "张先生您好", null, "org.rapport.campaigns", "c1:zhang"),
                new Outgoing(world.smith.id(), "email", "care", "Hello", "Dear John", null, "org.rapport.campaigns", "c1:smith"),
                new Outgoing(world.zhang.id(), "sms", "care", null, "您好", null, "org.rapport.campaigns", "c1:zhang"),
                new Outgoing(424242, "email", "care", "x", "y", null, "org.rapport.campaigns", "c1:ghost"),
                new Outgoing(world.smith.id(), "sms", "care", null, "hi", null, "org.rapport.campaigns", "c1:smith-sms"),
                new Outgoing(world.zhang.id(), "email", "party", "x", "y", null, "org.rapport.campaigns", "c1:bad"),
                new Outgoing(world.zhang.id(), "email", "care", "x", " ", null, "org.rapport.campaigns", "c1:empty")));
        assertThat(outcomes).extracting(SendOutcome::status)
                .containsExactly("queued", "blocked", "duplicate", "blocked", "unreachable", "invalid", "invalid");
        assertThat(outcomes.get(1).reasonCode()).isEqualTo("no_consent");
        assertThat(outcomes.get(3).reasonCode()).isEqualTo("unknown_contact");
        assertThat(outcomes.get(0).messageId()).isNotNull();
        assertThat(world.gate.asked).filteredOn(q -> q.contactId() == world.zhang.id()).singleElement()
                .satisfies(q -> assertThat(q.channel()).isEqualTo("email"));

        List<SendOutcome> again = world.service.sendAll(List.of(
                new Outgoing(world.zhang.id(), null, "care", "季度问候", "张先生您好", null, "org.rapport.campaigns", "c1:zhang")));
        assertThat(again).extracting(SendOutcome::status).containsExactly("duplicate");
        assertThat(world.service.outboxCounts()).containsEntry("pending", 1L);
        assertThat(world.service.statuses(List.of("c1:zhang"))).containsEntry("c1:zhang", "queued");
        Conversation campaign = world.service.conversation(outcomes.get(0).conversationId()).orElseThrow();
        assertThat(campaign.status()).isEqualTo("closed");
        assertThat(campaign.subject()).isEqualTo("季度问候");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aMessageWithManyLongAttachmentsAndFlagsIsStored_theSurplusFlagged(String kind) throws Exception {
        open(kind);
        String longName = "报价".repeat(400) + ".pdf";
        List<org.rapport.conversations.channel.Attachment> files = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            files.add(new org.rapport.conversations.channel.Attachment(i + longName, "application/pdf", 10,
                    "email/attachments/support/2026-12-06/" + "u".repeat(36) + i + "/" + longName.repeat(2), "n".repeat(2000)));
        }
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            flags.put("flag" + i + "x".repeat(100), "v".repeat(3000));
        }
        Received r = world.service.receive(new InboundMessage("email", "", "<many@acme.com>", "john.smith@acme.com", "N".repeat(500),
                "S".repeat(2000), "see the files", null, List.of(), null, null, files, flags));
        Message stored = thread(r.conversationId()).get(0);
        assertThat(stored.attachments()).hasSize(Inbound.MAX_ATTACHMENTS);
        assertThat(stored.attachments().get(0).name()).hasSize(300);
        assertThat(stored.attachments().get(0).location()).isNull(); // a location longer than any adapter writes is not kept
        assertThat(stored.attachments().get(0).note()).hasSize(500);
        assertThat(stored.subject()).hasSize(500);
    }
}
