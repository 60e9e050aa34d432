package org.rapport.education;

/**
 * Thrown when an article named by id does not exist. REST answers it with 404.
 *
 * @since 0.1
 */
public class NoSuchArticleException extends RuntimeException implements org.rapport.web.ApiProblem {
    private static final long serialVersionUID = 1L;

    public NoSuchArticleException(long id) {
        super("No article " + id);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "not_found";
    }
}
