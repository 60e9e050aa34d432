package org.rapport.education;

import java.util.List;

/**
 * What an editor writes. {@code null} lists mean empty; {@code kind} defaults to {@code article}.
 *
 * @param title the title (required, at most 300 characters)
 * @param body the Markdown body (required, at most 200,000 characters)
 * @param language {@code zh} or {@code en} (required)
 * @param category the category (required, at most 64 characters)
 * @param tags tags (at most 20, each at most 40 characters)
 * @param kind {@code article}, {@code guide} or {@code video}
 * @param videoUrl an {@code http(s)} address, required for a {@code video}
 * @param related ids of related articles (at most 20)
 * @since 0.1
 */
public record ArticleInput(String title, String body, String language, String category, List<String> tags, String kind,
        String videoUrl, List<Long> related) {

    public ArticleInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** A plain article without video or related articles. */
    public static ArticleInput of(String title, String body, String language, String category, List<String> tags) {
        return new ArticleInput(title, body, language, category, tags, null, null, null);
    }

    /** The editable fields of an article. */
    public static ArticleInput of(Article a) {
        return new ArticleInput(a.title(), a.body(), a.language(), a.category(), a.tags(), a.kind(), a.videoUrl(), a.related());
    }
}
