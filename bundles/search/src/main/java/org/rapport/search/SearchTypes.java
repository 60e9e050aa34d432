package org.rapport.search;

import java.util.List;

/**
 * The document types of the search index.
 *
 * @since 0.1
 */
public final class SearchTypes {
    public static final String CLIENT = "client";
    public static final String CONTACT = "contact";
    public static final String INTERACTION = "interaction";
    public static final String ARTICLE = "article";
    /** All of them. */
    public static final List<String> ALL = List.of(CLIENT, CONTACT, INTERACTION, ARTICLE);

    private SearchTypes() {
    }
}
