package org.rapport.education;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.rapport.security.Principal;

/**
 * The education library. Every change runs in one transaction, keeps the version history and
 * posts the matching {@link EducationEvents} event after commit. Invalid input throws
 * {@link InvalidArticleException}; an unknown id {@link NoSuchArticleException}.
 *
 * @since 0.1
 */
@ProviderType
public interface Education {

    /** Path of an article's public read-only page under the server's public URL, followed by the id. */
    String PUBLIC_PATH = "/kb/articles/";

    /** Creates a draft, version 1. */
    Article create(ArticleInput input, Principal actor);

    /** Saves a change as a new version; a published article stays published with the new text. */
    Article update(long id, ArticleInput input, Principal actor);

    /** Publishes the article (no change when it already is). */
    Article publish(long id, Principal actor);

    /** Takes the article back to draft. */
    Article unpublish(long id, Principal actor);

    /** Deletes the article with its versions; other articles' links to it are removed. */
    void delete(long id, Principal actor);

    /** The article, draft or published. */
    Optional<Article> article(long id);

    /** Several articles at once (at most 1000 ids); unknown ids are left out. */
    List<Article> articles(java.util.Collection<Long> ids);

    /** A page of articles. */
    ArticlePage list(ArticleQuery query);

    /** Counts of articles per category, optionally of one language and state ({@code null}: any). */
    Map<String, Long> categories(String language, String state);

    /** The saved versions of an article, newest first. */
    List<ArticleVersion> versions(long id);

    /** One saved version. */
    Optional<ArticleVersion> version(long id, int version);

    /** Counts one read of a published article's public page; returns the new count (0 for a draft or unknown id). */
    long recordView(long id);

    /** The body rendered from Markdown to sanitised HTML (no scripts, styles, frames or event handlers). */
    String render(String markdown);

    /** The absolute public URL of an article's read-only page ({@code rapport.public.url} + {@link #PUBLIC_PATH} + id). */
    String publicUrl(long id);
}
