package org.rapport.education;

/**
 * One passage of a published article that answers a question.
 *
 * @param articleId the article
 * @param title the article's title
 * @param passage the best-matching passage (a paragraph or list of the body, plain text)
 * @param url absolute public URL of the article's read-only page
 *     (framework property {@code rapport.public.url}, e.g. {@code http://localhost:8080}, + {@link Education#PUBLIC_PATH} + id)
 * @param language the article's language, {@code zh} or {@code en}
 * @param confidence 0..1, calibrated across questions: {@code >= 0.5} means "this article answers
 *     the question" on the relevance set. The provider documents how it is computed (the search
 *     bundle: the share of the question's weighted terms the article covers, with the match's
 *     lead over the next article).
 * @since 0.1
 */
public record Answer(long articleId, String title, String passage, String url, String language, double confidence) {}
