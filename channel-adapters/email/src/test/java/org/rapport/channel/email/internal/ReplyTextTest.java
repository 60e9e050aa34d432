package org.rapport.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quoted history and signatures are cut in Chinese and English; a reply with nothing new stays whole. */
class ReplyTextTest {

    private static String strip(String text) {
        return ReplyText.strip(text).text();
    }

    @Test
    void gmailStyleEnglishQuote() {
        assertThat(strip("Yes please.\n\nOn Mon, Mar 3, 2025 at 9:00 AM Support <support@x.com> wrote:\n> Shall we call?\n"))
                .isEqualTo("Yes please.");
        assertThat(strip("Sure.\n\nOn Mon, Mar 3, 2025 at 9:00 AM Support Team <support@x.com>\nwrote:\n> old\n")).isEqualTo("Sure.");
    }

    @Test
    void chineseQuoteHeaders() {
        assertThat(strip("收到，谢谢。\n\n在 2025年3月2日 10:00，客服 <support@x.com> 写道：\n> 您好")).isEqualTo("收到，谢谢。");
        assertThat(strip("可以。\n\n------------------ 原始邮件 ------------------\n发件人: \"客服\"<support@x.com>\n发送时间: 2025年3月3日\n收件人: 我\n主题: 咨询\n\n原文"))
                .isEqualTo("可以。");
        assertThat(strip("好的\n\n发件人: 客服\n发送时间: 2025-03-03 09:00\n收件人: 张三\n主题: 回复\n旧内容")).isEqualTo("好的");
    }

    @Test
    void outlookHeaderBlockAndSeparator() {
        assertThat(strip("Fine.\n\n-----Original Message-----\nFrom: a\nSent: b\nTo: c\nSubject: d\n\nold")).isEqualTo("Fine.");
        assertThat(strip("OK then.\n________________________________\nFrom: Support <s@x.com>\nSent: Monday\nTo: Me\nSubject: Q\nold"))
                .isEqualTo("OK then.");
    }

    @Test
    void signatures() {
        ReplyText.Stripped s = ReplyText.strip("When is my card ready?\n-- \nJohn Smith\n+1 555 0100");
        assertThat(s.text()).isEqualTo("When is my card ready?");
        assertThat(s.signatureCut()).isTrue();
        assertThat(strip("请尽快回复\n\n发自我的iPhone")).isEqualTo("请尽快回复");
        assertThat(strip("Thanks for the help.\n\nBest regards,\nJohn Smith\nCFO, Acme Ltd\n+86 10 1234 5678")).isEqualTo("Thanks for the help.");
        assertThat(strip("请问利率多少？\n\n此致\n敬礼\n王五")).isEqualTo("请问利率多少？");
        assertThat(strip("Sent from my iPhone")).isEqualTo("Sent from my iPhone"); // nothing else: kept whole
    }

    @Test
    void interleavedQuotesAreDroppedButTheAnswersKept() {
        assertThat(strip("> Do you want A?\nYes, A.\n> And B?\nNo.")).isEqualTo("Yes, A.\nNo.");
    }

    @Test
    void plainTextIsUntouched() {
        ReplyText.Stripped s = ReplyText.strip("Hello,\n\nI would like to know my balance.\nRegards and thanks in advance for a quick answer to this");
        assertThat(s.text()).startsWith("Hello,").endsWith("quick answer to this");
        assertThat(s.quoteCut()).isFalse();
    }
}
