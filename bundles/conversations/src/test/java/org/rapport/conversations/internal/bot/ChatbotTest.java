package org.rapport.conversations.internal.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatbotTest {

    private final Chatbot bot = new Chatbot(new IntentClassifier(t -> t.equalsIgnoreCase("stop")), BotTemplates.defaults(), 0.5);
    private final AtomicInteger reads = new AtomicInteger();

    private final AccountFacts facts = new AccountFacts() {
        @Override
        public Optional<String> accountManager(long contactId) {
            reads.incrementAndGet();
            return Optional.of("Wang Fang");
        }

        @Override
        public List<Complaint> complaints(long contactId) {
            reads.incrementAndGet();
            return List.of(new Complaint("C-20261201-0042", LocalDate.of(2026, 12, 1), "resolving"));
        }

        @Override
        public List<Transaction> transactions(long contactId, int max) {
            reads.incrementAndGet();
            return List.of(new Transaction(LocalDate.of(2026, 11, 30), new BigDecimal("125000.00"), "CNY", "FX forward"));
        }
    };

    private final Knowledge library = (question, language, max) -> question.toLowerCase().contains("statement")
            ? List.of(new Knowledge.Passage("Statements", "Download statements in online banking under Accounts > Statements.",
                    "http://localhost:8080/kb/7", 0.8))
            : List.of(new Knowledge.Passage("Something vague", "…", "http://localhost:8080/kb/9", 0.2));

    @Test
    void anUnverifiedClientNeverGetsAccountData_howeverTheyAsk() {
        List<String> attempts = List.of("who is my account manager", "Who's my relationship manager?", "my last transactions",
                "status of my complaint", "我的客户经理是谁", "最近的交易记录", "我的投诉处理得怎么样了", "recent payments please",
                "who looks after our account?", "交易明细");
        for (String attempt : attempts) {
            BotReply reply = bot.respond(attempt, "en", null, library, facts);
            assertThat(reply.intent().needsVerifiedClient()).as(attempt).isTrue();
            assertThat(reply.answer()).as(attempt).doesNotContain("Wang Fang", "C-20261201-0042", "125000");
        }
        assertThat(reads).hasValue(0);
    }

    @Test
    void aVerifiedClientGetsTheirOwnData_inTheirLanguage() {
        assertThat(bot.respond("who is my account manager?", "zh", 7L, library, facts).answer()).contains("Wang Fang");
        BotReply zh = bot.respond("我的投诉处理得怎么样了", "en", 7L, library, facts);
        assertThat(zh.language()).isEqualTo("zh");
        assertThat(zh.answer()).contains("C-20261201-0042", "处理中");
        assertThat(bot.respond("my last transactions", "en", 7L, library, facts).answer()).contains("2026-11-30", "125000.00 CNY FX forward");
    }

    @Test
    void questionsAreAnsweredFromTheLibraryWithTheLink_orHandedOverWhenUnsure() {
        BotReply answered = bot.respond("How do I download a statement?", "en", null, library, facts);
        assertThat(answered.action()).isEqualTo(BotReply.Action.NONE);
        assertThat(answered.answer()).contains("Accounts > Statements", "http://localhost:8080/kb/7");
        assertThat(answered.sources()).singleElement().satisfies(s -> assertThat(s.url()).isEqualTo("http://localhost:8080/kb/7"));

        BotReply unsure = bot.respond("Can you structure a syndicated loan for us?", "en", null, library, facts);
        assertThat(unsure.action()).isEqualTo(BotReply.Action.HANDOVER);
        assertThat(unsure.summary()).contains("syndicated loan");

        BotReply noLibrary = bot.respond("How do I download a statement?", "en", null, null, facts);
        assertThat(noLibrary.action()).isEqualTo(BotReply.Action.HANDOVER);
    }

    @Test
    void complaintsOptOutsAndRequestsForAPerson() {
        BotReply complaint = bot.respond("我要投诉，你们乱收费", "en", 7L, library, facts);
        assertThat(complaint.action()).isEqualTo(BotReply.Action.FILE_COMPLAINT);
        assertThat(complaint.answer()).contains("{reference}").contains("投诉");
        assertThat(bot.respond("STOP", "en", null, library, facts).action()).isEqualTo(BotReply.Action.OPT_OUT);
        assertThat(bot.respond("转人工", "en", null, library, facts).action()).isEqualTo(BotReply.Action.HANDOVER);
    }

    @Test
    void whenTheAccountDataCannotBeReadAPersonAnswers() {
        AccountFacts failing = new AccountFacts() {
            @Override
            public Optional<String> accountManager(long contactId) {
                throw new IllegalStateException("no audit log running");
            }

            @Override
            public List<Complaint> complaints(long contactId) {
                throw new IllegalStateException("no audit log running");
            }

            @Override
            public List<Transaction> transactions(long contactId, int max) {
                throw new IllegalStateException("no audit log running");
            }
        };
        BotReply reply = bot.respond("who is my account manager", "en", 7L, library, failing);
        assertThat(reply.action()).isEqualTo(BotReply.Action.HANDOVER);
        assertThat(reply.summary()).contains("no audit log running");
    }
}
