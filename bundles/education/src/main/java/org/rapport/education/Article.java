package org.rapport.education;

import java.time.Instant;
import java.util.List;

/**
 * An education article: a product guide, a process introduction, a training text or a video link.
 *
 * @param id the id
 * @param kind {@code article}, {@code guide} or {@code video}
 * @param title the title
 * @param body the body in Markdown (rendered sanitised, never as raw HTML)
 * @param language {@code zh} or {@code en}
 * @param category the category, e.g. {@code transfers} or {@code 账户开立}
 * @param tags the tags, in order
 * @param videoUrl the video's address for a {@code video}, else {@code null}
 * @param state {@code draft} or {@code published}
 * @param version the version, from 1; every saved change adds one
 * @param related ids of related articles, in order
 * @param views how often the public page was read
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param publishedAt when last published, or {@code null}
 * @since 0.1
 */
public record Article(long id, String kind, String title, String body, String language, String category, List<String> tags,
        String videoUrl, String state, int version, List<Long> related, long views, Instant createdAt, Instant updatedAt,
        Instant publishedAt) {

    /** State of an article only staff see. */
    public static final String DRAFT = "draft";
    /** State of an article on its public page, in search and in the chatbot's answers. */
    public static final String PUBLISHED = "published";

    public Article {
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }

    /** Whether clients can read it. */
    public boolean published() {
        return PUBLISHED.equals(state);
    }
}
