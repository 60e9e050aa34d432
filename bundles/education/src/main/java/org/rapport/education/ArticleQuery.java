package org.rapport.education;

/**
 * Filters and paging for listing articles; {@code null} filters match everything.
 *
 * @param language {@code zh} or {@code en}, or {@code null}
 * @param state {@code draft} or {@code published}, or {@code null}
 * @param category a category, or {@code null}
 * @param text part of the title (case-insensitive, plain text), or {@code null}
 * @param sort {@code title}, {@code updatedAt}, {@code views} or {@code id}, prefixed with {@code -} for descending
 *     ({@code null}: newest change first)
 * @param page the page, from 1
 * @param size items per page, 1 to {@value #MAX_SIZE}
 * @since 0.1
 */
public record ArticleQuery(String language, String state, String category, String text, String sort, int page, int size) {

    /** The largest page. */
    public static final int MAX_SIZE = 500;

    public ArticleQuery {
        sort = sort == null || sort.isBlank() ? "-updatedAt" : sort;
        if (page < 1) {
            throw new InvalidArticleException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidArticleException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** Every article, by id, the given page. */
    public static ArticleQuery all(int page, int size) {
        return new ArticleQuery(null, null, null, null, "id", page, size);
    }
}
