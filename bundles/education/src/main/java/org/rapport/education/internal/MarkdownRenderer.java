package org.rapport.education.internal;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to safe HTML: commonmark-java renders (raw HTML in the Markdown is escaped, unsafe link
 * schemes dropped), then the OWASP sanitizer keeps only formatting, blocks, lists, tables, links
 * and images over http(s). Thread-safe.
 */
final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title").onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br", "del", "thead", "tbody")
                    .toFactory());

    private MarkdownRenderer() {
    }

    /** The Markdown as sanitised HTML. */
    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        return POLICY.sanitize(HTML.render(document));
    }

    /** The Markdown as plain text (markup removed). */
    static String text(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                out.append('\n');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                out.append('\n');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof org.commonmark.node.Block && !(parent instanceof Paragraph) && out.length() > 0
                        && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        });
        return out.toString().strip();
    }
}
