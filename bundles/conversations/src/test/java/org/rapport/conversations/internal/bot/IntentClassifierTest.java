package org.rapport.conversations.internal.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {

    private final IntentClassifier classifier = new IntentClassifier(t -> Set.of("stop", "td", "退订", "unsubscribe").contains(t.strip()));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Hi|GREETING", "Hello there!|GREETING", "good morning|GREETING", "你好|GREETING", "您好！|GREETING", "在吗？|GREETING",
        "Thanks!|THANKS", "thank you so much|THANKS", "谢谢|THANKS", "好的，谢谢你|THANKS",
        "STOP|OPT_OUT", "TD|OPT_OUT", "退订|OPT_OUT", "Please stop sending me these emails|OPT_OUT", "不要再给我发短信了|OPT_OUT",
        "unsubscribe me from your newsletter|OPT_OUT",
        "I want to speak to a human|HUMAN", "Can I talk to a real person please?|HUMAN", "转人工|HUMAN", "我要人工服务|HUMAN",
        "please call me back|HUMAN", "找工作人员|HUMAN",
        "I want to file a complaint about your fees|COMPLAINT", "This is unacceptable, you overcharged us again|COMPLAINT",
        "我要投诉你们的服务|COMPLAINT", "你们乱收费，太差了|COMPLAINT", "Very disappointed with the service at your branch|COMPLAINT",
        "What is the status of my complaint?|COMPLAINT_STATUS", "any update on my complaint?|COMPLAINT_STATUS",
        "我的投诉处理得怎么样了|COMPLAINT_STATUS", "投诉进度查询|COMPLAINT_STATUS", "has my case C-20261201-0042 been resolved|COMPLAINT_STATUS",
        "Who is my account manager?|ACCOUNT_MANAGER", "who handles our account|ACCOUNT_MANAGER", "我的客户经理是谁|ACCOUNT_MANAGER",
        "请问我们公司的对接人是哪位|ACCOUNT_MANAGER", "I'd like the contact details of my relationship manager|ACCOUNT_MANAGER",
        "Show me my last transactions|TRANSACTIONS", "what were our recent payments|TRANSACTIONS", "查询最近的交易记录|TRANSACTIONS",
        "transaction history please|TRANSACTIONS",
        "How do I open a corporate account?|QUESTION", "What are the fees for international transfers?|QUESTION",
        "如何开通企业网银|QUESTION", "对公账户开户需要哪些材料|QUESTION", "hi, how can I download my statement?|QUESTION",
        "How long does a complaint take to handle?|QUESTION", "How do I file a complaint?|QUESTION", "投诉流程是什么|QUESTION",
        "如何投诉|QUESTION", "How do I complain? This is ridiculous!|COMPLAINT", "我的U盾丢了怎么办|QUESTION", "What are your customer service hours?|QUESTION",
        "How do I unsubscribe from your marketing emails?|QUESTION", "如何退订营销短信|QUESTION", "my recent transfer failed, why?|QUESTION",
        "最近转账总是失败是什么原因|QUESTION", "我最近几笔转账|TRANSACTIONS", "what were our latest payments|TRANSACTIONS"})
    void classifies(String text, Intent expected) {
        assertThat(classifier.classify(text)).isEqualTo(expected);
    }

    @Test
    void emptyAndOddInputIsSafe() {
        assertThat(classifier.classify(null)).isEqualTo(Intent.GREETING);
        assertThat(classifier.classify("   ")).isEqualTo(Intent.GREETING);
        assertThat(classifier.classify("<script>alert(1)</script>")).isEqualTo(Intent.QUESTION);
        assertThat(classifier.classify("(((((((((((((((((((((((((((((a")).isEqualTo(Intent.QUESTION);
        String huge = "complaint ".repeat(10_000);
        assertThat(classifier.classify(huge)).isEqualTo(Intent.COMPLAINT);
        assertThat(classifier.classify("ＳＴＯＰ")).isEqualTo(Intent.OPT_OUT); // full-width letters folded
    }

    @Test
    void accountQuestionsPhrasedManyWaysAreRecognisedAsNeedingAVerifiedClient() {
        List<String> phrasings = List.of("who is my account manager", "Who's my relationship manager?", "tell me my RM's name",
                "who looks after our account", "my last transactions", "show me recent payments on my account", "latest transfers",
                "status of my complaint", "what happened with my complaint", "我的客户经理", "谁负责我们公司", "最近的交易",
                "交易明细", "投诉结果", "我的投诉有回复吗");
        List<String> missed = new ArrayList<>();
        for (String p : phrasings) {
            if (!classifier.classify(p).needsVerifiedClient()) {
                missed.add(p + " → " + classifier.classify(p));
            }
        }
        assertThat(missed).isEmpty();
    }
}
