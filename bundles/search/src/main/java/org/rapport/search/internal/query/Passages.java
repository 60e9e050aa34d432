package org.rapport.search.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An article body (Markdown) cut into passages a client can read on their own: paragraphs, lists
 * and tables, each with the heading above it, as plain text.
 */
public final class Passages {
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
    private static final Pattern LEADING = Pattern.compile("(?m)^\\s{0,3}(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d+[.)]\\s+)");
    private static final Pattern TABLE_RULE = Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}.*$");
    static final int MAX_PASSAGE = 600;

    private Passages() {
    }

    public static List<String> of(String markdown) {
        List<String> passages = new ArrayList<>();
        String heading = null;
        for (String block : markdown.replace("\r\n", "\n").split("\\n\\s*\\n")) {
            String trimmed = block.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean isHeading = trimmed.startsWith("#") && !trimmed.contains("\n");
            String text = plain(trimmed);
            if (isHeading) {
                heading = text;
                continue;
            }
            String passage = heading == null ? text : heading + ": " + text;
            passages.add(cut(passage));
        }
        if (passages.isEmpty() && heading != null) {
            passages.add(heading);
        }
        return passages;
    }

    /** Markdown markup removed; list items and table rows joined on one line each. */
    static String plain(String markdown) {
        String text = TABLE_RULE.matcher(markdown).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1");
        text = LEADING.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = text.replace('|', ' ');
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    private static String cut(String passage) {
        if (passage.length() <= MAX_PASSAGE) {
            return passage;
        }
        int end = MAX_PASSAGE;
        for (int i = MAX_PASSAGE - 1; i > MAX_PASSAGE / 2; i--) {
            char c = passage.charAt(i);
            if (c == '。' || c == '.' || c == '！' || c == '？' || c == '\n') {
                end = i + 1;
                break;
            }
        }
        return passage.substring(0, end).strip() + (end < passage.length() ? "…" : "");
    }
}
