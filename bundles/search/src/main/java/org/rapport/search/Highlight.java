package org.rapport.search;

import java.util.List;

/**
 * A fragment of a field with the parts that matched: plain text plus character ranges, so a user
 * interface marks them without parsing HTML.
 *
 * @param field the field, as {@code entity.field} (e.g. {@code article.body})
 * @param text the fragment
 * @param matches the matched ranges of {@code text}, in order, not overlapping
 * @since 0.1
 */
public record Highlight(String field, String text, List<Range> matches) {

    public Highlight {
        matches = List.copyOf(matches);
    }

    /**
     * A range of characters.
     *
     * @param start first character (inclusive)
     * @param end last character (exclusive)
     */
    public record Range(int start, int end) {}
}
