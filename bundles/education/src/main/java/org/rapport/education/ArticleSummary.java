package org.rapport.education;

import java.time.Instant;
import java.util.List;

/**
 * An article in a list: everything but the body, with a plain-text excerpt.
 *
 * @param id the id
 * @param kind {@code article}, {@code guide} or {@code video}
 * @param title the title
 * @param excerpt the start of the body as plain text (at most 200 characters)
 * @param language {@code zh} or {@code en}
 * @param category the category
 * @param tags the tags
 * @param state {@code draft} or {@code published}
 * @param version the version
 * @param views public page reads
 * @param updatedAt when last changed
 * @param publishedAt when last published, or {@code null}
 * @since 0.1
 */
public record ArticleSummary(long id, String kind, String title, String excerpt, String language, String category, List<String> tags,
        String state, int version, long views, Instant updatedAt, Instant publishedAt) {

    public ArticleSummary {
        tags = List.copyOf(tags);
    }
}
