package org.rapport.education;

import java.time.Instant;
import java.util.List;

/**
 * A saved version of an article, as it was written then.
 *
 * @param articleId the article
 * @param version the version number
 * @param title the title then
 * @param body the body then
 * @param language the language then
 * @param category the category then
 * @param tags the tags then
 * @param authorId who saved it ({@code 0}: the system)
 * @param authorName their name
 * @param createdAt when
 * @since 0.1
 */
public record ArticleVersion(long articleId, int version, String title, String body, String language, String category, List<String> tags,
        long authorId, String authorName, Instant createdAt) {

    public ArticleVersion {
        tags = List.copyOf(tags);
    }
}
