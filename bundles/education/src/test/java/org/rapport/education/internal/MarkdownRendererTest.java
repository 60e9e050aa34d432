package org.rapport.education.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown renders to HTML without anything that could run in a reader's browser. */
class MarkdownRendererTest {

    @Test
    void rendersFormattingListsTablesAndLinks() {
        String html = MarkdownRenderer.html("## 步骤\n\n1. 登录**网银**\n2. 选择 [转账](https://bank.example.com/t)\n\n"
                + "| 币种 | 限额 |\n|---|---|\n| CNY | 500 万 |\n");
        assertThat(html).contains("<h2>步骤</h2>", "<ol>", "<strong>网银</strong>", "<table>", "<td>CNY</td>")
                .contains("href=\"https://bank.example.com/t\"").contains("rel=\"noopener noreferrer\"");
    }

    @Test
    void neutralisesScriptsHandlersAndBadLinks() {
        String html = MarkdownRenderer.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "[x](javascript:alert(1)) <a href=\"#\" onclick=\"steal()\">y</a>\n\n![p](data:text/html;base64,PHNjcmlwdD4=)");
        assertThat(html).doesNotContain("<script", "onerror=", "onclick=\"", "javascript:", "data:text/html");
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void plainTextDropsMarkup() {
        assertThat(PlainText.excerpt("# Title\n\nSome **bold** and [a link](https://x.example).", 200))
                .isEqualTo("Title Some bold and a link.");
        assertThat(PlainText.excerpt("word ".repeat(100), 20)).endsWith("…").hasSizeLessThanOrEqualTo(21);
    }
}
