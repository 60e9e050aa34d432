package org.rapport.search;

import java.util.Map;
import java.util.Set;

/**
 * A search.
 *
 * @param text what the user typed (plain text, at most {@value #MAX_TEXT} characters are used);
 *     blank lists everything the filters allow
 * @param types the document types to search ({@link SearchTypes}); empty means all
 * @param filters facet filters: {@code tier}, {@code industry}, {@code region}, {@code language}
 *     → accepted values (a document matches when its value is one of them)
 * @param page the page, from 1
 * @param size hits per page, 1 to {@value #MAX_SIZE}
 * @since 0.1
 */
public record SearchRequest(String text, Set<String> types, Map<String, Set<String>> filters, int page, int size) {

    /** Longest text used; the rest is ignored. */
    public static final int MAX_TEXT = 500;
    /** Largest page. */
    public static final int MAX_SIZE = 100;
    /** Hits beyond this position cannot be paged to. */
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        text = text == null ? "" : text;
        types = types == null ? Set.of() : Set.copyOf(types);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page × size must be at most " + MAX_WINDOW);
        }
    }

    /** The first page of hits for a text, all types. */
    public static SearchRequest of(String text) {
        return new SearchRequest(text, Set.of(), Map.of(), 1, 20);
    }
}
