package org.rapport.education;

/**
 * EventAdmin topics and properties of the events the education library posts after each
 * committed change. Every event carries {@link #ARTICLE_ID}, {@link #LANGUAGE}, {@link #ACTOR_ID}
 * and the outbox's {@code event.id}.
 *
 * @since 0.1
 */
public final class EducationEvents {

    /** Topic prefix; subscribe to {@code org/rapport/education/*} for all. */
    public static final String PREFIX = "org/rapport/education/";

    public static final String ARTICLE_CREATED = PREFIX + "article/CREATED";
    public static final String ARTICLE_UPDATED = PREFIX + "article/UPDATED";
    public static final String ARTICLE_PUBLISHED = PREFIX + "article/PUBLISHED";
    public static final String ARTICLE_UNPUBLISHED = PREFIX + "article/UNPUBLISHED";
    public static final String ARTICLE_DELETED = PREFIX + "article/DELETED";

    /** Property: the article id (long). */
    public static final String ARTICLE_ID = "article.id";
    /** Property: the article's language ({@code zh} or {@code en}). */
    public static final String LANGUAGE = "language";
    /** Property: the acting staff user id (long, 0 for the system). */
    public static final String ACTOR_ID = "actor.id";

    private EducationEvents() {
    }
}
