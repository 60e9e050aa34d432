package org.rapport.search;

import java.util.List;
import java.util.Map;

/**
 * One search hit. Texts are plain (never HTML); a field the caller may not read whole is masked.
 *
 * @param type {@link SearchTypes#CLIENT}, {@link SearchTypes#CONTACT}, {@link SearchTypes#INTERACTION} or {@link SearchTypes#ARTICLE}
 * @param id the record's id
 * @param clientId the client it belongs to (for clients their own id), or {@code null} for articles
 * @param title what to show first (client name, contact name, interaction summary, article title)
 * @param subtitle a line of context (e.g. the contact's company and email), may be empty
 * @param attributes facet values and other small facts (e.g. {@code tier}, {@code region}, {@code language}, {@code state})
 * @param highlights the matching parts of fields the caller may see
 * @param score the relevance score (only comparable within one search)
 * @since 0.1
 */
public record SearchHit(String type, long id, Long clientId, String title, String subtitle, Map<String, String> attributes,
        List<Highlight> highlights, float score) {

    public SearchHit {
        attributes = Map.copyOf(attributes);
        highlights = List.copyOf(highlights);
    }
}
