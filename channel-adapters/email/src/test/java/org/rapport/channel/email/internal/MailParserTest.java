package org.rapport.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser on the corpus' tricky cases: charsets, encoded words, HTML, structure, attachments. */
class MailParserTest {

    private final MailParser parser = Fixtures.parser();

    private ParsedMail parse(String name) throws Exception {
        return parser.parse(Fixtures.corpus(name));
    }

    @Test
    void gbkTextLabelledGb2312IsDecoded() throws Exception {
        ParsedMail m = parse("stored-gbk-labelled-gb2312.eml");
        assertThat(m.subject()).isEqualTo("咨询");
        assertThat(m.text()).isEqualTo("请问镕资金账户怎么开通？"); // 镕 is in GBK, not in GB2312
        assertThat(m.flags()).doesNotContainKey("charset");
    }

    @Test
    void big5BodyAndQuotedPrintableSubject() throws Exception {
        ParsedMail m = parse("stored-big5.eml");
        assertThat(m.subject()).isEqualTo("查詢");
        assertThat(m.text()).isEqualTo("請問我的帳戶經理是誰？");
    }

    @Test
    void encodedWordsSplitInsideACharacterAreJoined() throws Exception {
        assertThat(parse("stored-split-encoded-words.eml").subject()).isEqualTo("关于贷款");
    }

    @Test
    void raw8BitHeadersAreRead() throws Exception {
        ParsedMail m = parse("stored-raw-utf8-headers.eml");
        assertThat(m.subject()).isEqualTo("账户问题");
        assertThat(m.fromName()).isEqualTo("张三");
        assertThat(m.from()).isEqualTo("zhangsan@acme.com");
    }

    @Test
    void unknownCharsetIsGuessedAndFlagged() throws Exception {
        ParsedMail m = parse("stored-unknown-charset.eml");
        assertThat(m.text()).isEqualTo("Hello, is anyone there?");
        assertThat(m.flags()).containsKey("charset");
    }

    @Test
    void htmlOnlyMailBecomesTextWithoutScriptsStylesOrQuotes() throws Exception {
        ParsedMail m = parse("stored-html-only.eml");
        assertThat(m.text()).isEqualTo("I need a statement for March.");
        assertThat(m.flags()).containsKey("html");
    }

    @Test
    void alternativePrefersPlainText() throws Exception {
        assertThat(parse("stored-alternative.eml").text()).isEqualTo("Plain version of my question.");
    }

    @Test
    void brokenStructureStillGivesText() throws Exception {
        assertThat(parse("stored-missing-final-boundary.eml").text()).contains("The closing boundary never comes.");
        assertThat(parse("stored-garbage-content-type.eml").text()).contains("the text is fine");
        ParsedMail deep = parse("stored-deep-nesting.eml");
        assertThat(deep.flags()).containsKey("structure");
    }

    @Test
    void attachmentsAreNamedSafelyAndLimited() throws Exception {
        ParsedMail traversal = parse("stored-path-traversal-attachment.eml");
        assertThat(traversal.parts()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("passwd");
            assertThat(p.content()).isNotNull();
        });
        ParsedMail exe = parse("stored-executable-attachment.eml");
        assertThat(exe.parts()).singleElement().satisfies(p -> {
            assertThat(p.content()).isNull();
            assertThat(p.note()).contains("refused file type .exe");
        });
        assertThat(parse("stored-encoded-attachment-name.eml").parts().get(0).name()).isEqualTo("合同.pdf");
        ParsedMail many = parse("stored-many-attachments.eml");
        assertThat(many.parts()).hasSize(30);
        assertThat(many.parts().stream().filter(p -> p.content() != null)).hasSize(20);
    }

    @Test
    void threadingHeadersAndBadDates() throws Exception {
        ParsedMail reply = parse("stored-quoted-reply-zh.eml");
        assertThat(reply.references()).containsExactly("<rapport.abc@rapport.test>");
        assertThat(reply.messageId()).isEqualTo("<stored-quoted-reply-zh@acme.com>");
        assertThat(parse("stored-bogus-date.eml").sentAt()).isNull();
        assertThat(parse("stored-plain.eml").sentAt()).isNotNull();
    }

    @Test
    void aSubjectCannotSmuggleLines() throws Exception {
        assertThat(parse("stored-header-injection-subject.eml").subject()).doesNotContain("\n").doesNotContain("\r");
    }
}
