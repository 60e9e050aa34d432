package org.rapport.channel.email.internal;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail to plain text with jsoup: scripts, styles and the quoted history mail clients mark up
 * (Gmail's {@code gmail_quote}, Outlook's reply header and what follows it, blockquotes, Apple
 * Mail's and QQ Mail's quote containers) are dropped; block elements and line breaks become lines.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
            "ul", "ol", "section", "article", "header", "footer", "address", "dd", "dt", "hr");

    private HtmlText() {
    }

    /** The text of {@code html}; {@code quotes} true also drops marked-up quoted history. */
    static String toText(String html, boolean dropQuotes) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript, template, object, iframe").remove();
        if (dropQuotes) {
            doc.select("div.gmail_quote, div.gmail_extra, blockquote, div.yahoo_quoted, #mail-editor-reference-message-container, "
                    + "div.moz-cite-prefix, #isReplyContent, #isForwardContent, .qmbox, #appendonsend, div[name=messageReplySection]")
                    .remove();
            for (Element marker : doc.select("#divRplyFwdMsg, div#Signature ~ hr, hr#stopSpelling")) {
                Element parent = marker.parent();
                if (parent == null) {
                    continue;
                }
                boolean after = false;
                for (Element sibling : parent.children()) {
                    if (sibling == marker) {
                        after = true;
                    }
                    if (after) {
                        sibling.remove();
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText().replaceAll("[\\s\\u00a0]+", " ");
                    if (!text.isBlank() || (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && !text.isEmpty())) {
                        out.append(text);
                    }
                } else if (node instanceof Element e) {
                    if ("br".equals(e.normalName())) {
                        out.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(out);
                }
            }
        });
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
