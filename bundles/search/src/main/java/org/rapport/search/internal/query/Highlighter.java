package org.rapport.search.internal.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rapport.search.Highlight;
import org.rapport.search.internal.index.Analyzers;
import org.rapport.search.internal.index.Analyzers.Token;

/**
 * Finds where a stored text matches the query's terms (under both analyses, so 「退订」 in a
 * Chinese sentence and {@code acme.com} in an email are both marked) and cuts a fragment of about
 * {@code width} characters around the densest part.
 */
public final class Highlighter {
    /** Only the start of a long text is searched for a fragment. */
    private static final int MAX_ANALYSED = 5000;
    private final Set<String> chinese;
    private final Set<String> words;
    private final Set<String> literal;

    public Highlighter(Terms terms) {
        this.chinese = new HashSet<>(terms.chinese());
        this.words = new HashSet<>(terms.words());
        this.literal = new HashSet<>();
        terms.identifiers().emails().forEach(literal::add);
    }

    /** The fragment of {@code text} with its matches, or {@code null} when nothing in it matches. */
    public Highlight highlight(String field, String text, int width) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
        String lower = analysed.toLowerCase(Locale.ROOT);
        if (!mayMatch(lower)) {
            return null;
        }
        List<Highlight.Range> ranges = new ArrayList<>();
        for (Token t : Analyzers.tokens(Analyzers.chinese(), analysed)) {
            if (chinese.contains(t.term())) {
                ranges.add(new Highlight.Range(t.start(), t.end()));
            }
        }
        for (Token t : Analyzers.tokens(Analyzers.words(), analysed)) {
            if (words.contains(t.term())) {
                ranges.add(new Highlight.Range(t.start(), t.end()));
            }
        }
        for (String value : literal) {
            int at = lower.indexOf(value);
            if (at >= 0) {
                ranges.add(new Highlight.Range(at, at + value.length()));
            }
        }
        if (ranges.isEmpty()) {
            return null;
        }
        List<Highlight.Range> merged = merge(ranges);
        return cut(field, analysed, merged, width);
    }

    /**
     * Whether any term can occur in the text: every term of the word analysis is a lower-cased
     * substring of what it came from, and a smartcn term is one too (Chinese words) or the stem
     * of one (English), so a text containing none needs no analysis.
     */
    private boolean mayMatch(String lower) {
        for (String term : words) {
            if (lower.contains(term)) {
                return true;
            }
        }
        for (String term : chinese) {
            if (lower.contains(term)) {
                return true;
            }
        }
        for (String value : literal) {
            if (lower.contains(value)) {
                return true;
            }
        }
        return false;
    }

    static List<Highlight.Range> merge(List<Highlight.Range> ranges) {
        ranges.sort(Comparator.comparingInt(Highlight.Range::start).thenComparingInt(Highlight.Range::end));
        List<Highlight.Range> merged = new ArrayList<>();
        Highlight.Range current = null;
        for (Highlight.Range r : ranges) {
            if (current != null && r.start() <= current.end()) {
                current = new Highlight.Range(current.start(), Math.max(current.end(), r.end()));
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = r;
            }
        }
        merged.add(current);
        return merged;
    }

    /** The window of {@code width} characters holding the most matches, snapped to spaces where it can, with the ranges moved into it. */
    private static Highlight cut(String field, String text, List<Highlight.Range> ranges, int width) {
        if (text.length() <= width) {
            return new Highlight(field, flatten(text), ranges);
        }
        int bestStart = 0;
        int bestCount = -1;
        for (Highlight.Range first : ranges) {
            int start = Math.max(0, first.start() - width / 4);
            int count = 0;
            for (Highlight.Range r : ranges) {
                if (r.start() >= start && r.end() <= start + width) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                bestStart = start;
            }
        }
        int end = Math.min(text.length(), bestStart + width);
        int start = Math.max(0, end - width);
        String prefix = start > 0 ? "…" : "";
        String suffix = end < text.length() ? "…" : "";
        List<Highlight.Range> moved = new ArrayList<>();
        for (Highlight.Range r : ranges) {
            if (r.start() >= start && r.end() <= end) {
                moved.add(new Highlight.Range(r.start() - start + prefix.length(), r.end() - start + prefix.length()));
            }
        }
        return new Highlight(field, prefix + flatten(text.substring(start, end)) + suffix, moved);
    }

    /** Line breaks and tabs as spaces, one for one (offsets stay valid). */
    private static String flatten(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
