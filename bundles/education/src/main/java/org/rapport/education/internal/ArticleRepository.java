package org.rapport.education.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.rapport.education.Article;
import org.rapport.education.ArticleInput;
import org.rapport.education.ArticlePage;
import org.rapport.education.ArticleQuery;
import org.rapport.education.ArticleSummary;
import org.rapport.education.ArticleVersion;
import org.rapport.education.InvalidArticleException;

/** SQL for {@code edu_article}, {@code edu_article_version} and {@code edu_related}; every method runs on the caller's handle. */
final class ArticleRepository {
    private static final String COLUMNS = "id, kind, title, body, language, category, tags, video_url, state, version, views, "
            + "created_at, updated_at, published_at";
    private static final String SUMMARY_COLUMNS = "id, kind, title, SUBSTRING(body, 1, 600) AS head, language, category, tags, state, "
            + "version, views, updated_at, published_at";
    private static final Map<String, String> SORTS = Map.of("title", "title_key", "updatedat", "updated_at", "views", "views",
            "id", "id", "publishedat", "published_at");

    private ArticleRepository() {
    }

    static long insert(Handle h, ArticleInput in, long actorId, Instant now) {
        return h.createUpdate("INSERT INTO edu_article (kind, title, title_key, body, language, category, tags, video_url, state, "
                        + "version, views, created_by, created_at, updated_at) VALUES (:kind, :title, :titleKey, :body, :language, "
                        + ":category, :tags, :videoUrl, 'draft', 1, 0, :actor, :now, :now)")
                .bindMap(fields(in))
                .bind("actor", actorId)
                .bind("now", ts(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static void update(Handle h, long id, ArticleInput in, int version, Instant now) {
        h.createUpdate("UPDATE edu_article SET kind = :kind, title = :title, title_key = :titleKey, body = :body, "
                        + "language = :language, category = :category, tags = :tags, video_url = :videoUrl, version = :version, "
                        + "updated_at = :now WHERE id = :id")
                .bindMap(fields(in))
                .bind("version", version)
                .bind("now", ts(now))
                .bind("id", id)
                .execute();
    }

    private static Map<String, Object> fields(ArticleInput in) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", in.kind());
        map.put("title", in.title());
        map.put("titleKey", in.title().toLowerCase(Locale.ROOT));
        map.put("body", in.body());
        map.put("language", in.language());
        map.put("category", in.category());
        map.put("tags", encodeTags(in.tags()));
        map.put("videoUrl", in.videoUrl());
        return map;
    }

    static void setState(Handle h, long id, String state, Instant now) {
        h.createUpdate("UPDATE edu_article SET state = :state, updated_at = :now"
                        + (Article.PUBLISHED.equals(state) ? ", published_at = :now" : "") + " WHERE id = :id")
                .bind("state", state)
                .bind("now", ts(now))
                .bind("id", id)
                .execute();
    }

    static void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM edu_related WHERE article_id = :id OR related_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM edu_article_version WHERE article_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM edu_article WHERE id = :id").bind("id", id).execute();
    }

    /** Ids of articles that link to {@code id}. */
    static List<Long> linkingTo(Handle h, long id) {
        return h.createQuery("SELECT DISTINCT article_id FROM edu_related WHERE related_id = :id ORDER BY article_id")
                .bind("id", id).mapTo(Long.class).list();
    }

    static long incrementViews(Handle h, long id) {
        int updated = h.createUpdate("UPDATE edu_article SET views = views + 1 WHERE id = :id AND state = 'published'")
                .bind("id", id).execute();
        if (updated == 0) {
            return 0;
        }
        return h.createQuery("SELECT views FROM edu_article WHERE id = :id").bind("id", id).mapTo(Long.class).findOne().orElse(0L);
    }

    static void saveRelated(Handle h, long id, List<Long> related) {
        h.createUpdate("DELETE FROM edu_related WHERE article_id = :id").bind("id", id).execute();
        int position = 0;
        for (long target : related) {
            h.createUpdate("INSERT INTO edu_related (article_id, position, related_id) VALUES (:id, :position, :target)")
                    .bind("id", id).bind("position", position++).bind("target", target).execute();
        }
    }

    /** The ids among {@code ids} that are articles. */
    static List<Long> existing(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT id FROM edu_article WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .mapTo(Long.class).list();
    }

    static void insertVersion(Handle h, long id, int version, ArticleInput in, long authorId, String authorName, Instant now) {
        h.createUpdate("INSERT INTO edu_article_version (article_id, version, title, body, language, category, tags, author_id, "
                        + "author_name, created_at) VALUES (:id, :version, :title, :body, :language, :category, :tags, :author, "
                        + ":authorName, :now)")
                .bind("id", id)
                .bind("version", version)
                .bind("title", in.title())
                .bind("body", in.body())
                .bind("language", in.language())
                .bind("category", in.category())
                .bind("tags", encodeTags(in.tags()))
                .bind("author", authorId)
                .bind("authorName", authorName == null ? "" : authorName)
                .bind("now", ts(now))
                .execute();
    }

    static Optional<Article> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM edu_article WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs, related(h, id)))
                .findOne();
    }

    static List<Article> byIds(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> related = new LinkedHashMap<>();
        h.createQuery("SELECT article_id, related_id FROM edu_related WHERE article_id IN (<ids>) ORDER BY article_id, position")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> related.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return h.createQuery("SELECT " + COLUMNS + " FROM edu_article WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> row(rs, related.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private static List<Long> related(Handle h, long id) {
        return h.createQuery("SELECT related_id FROM edu_related WHERE article_id = :id ORDER BY position")
                .bind("id", id).mapTo(Long.class).list();
    }

    static ArticlePage list(Handle h, ArticleQuery q) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> binds = new LinkedHashMap<>();
        if (q.language() != null && !q.language().isBlank()) {
            where.add("language = :language");
            binds.put("language", q.language().strip().toLowerCase(Locale.ROOT));
        }
        if (q.state() != null && !q.state().isBlank()) {
            where.add("state = :state");
            binds.put("state", q.state().strip().toLowerCase(Locale.ROOT));
        }
        if (q.category() != null && !q.category().isBlank()) {
            where.add("category = :category");
            binds.put("category", q.category().strip());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add("title_key LIKE :text ESCAPE '!'");
            binds.put("text", "%" + likeEscape(q.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String condition = " WHERE " + String.join(" AND ", where);
        long total = h.createQuery("SELECT COUNT(*) FROM edu_article" + condition).bindMap(binds).mapTo(Long.class).one();
        List<ArticleSummary> items = h.createQuery("SELECT " + SUMMARY_COLUMNS + " FROM edu_article" + condition + " ORDER BY "
                        + orderBy(q.sort()) + " LIMIT :limit OFFSET :offset")
                .bindMap(binds)
                .bind("limit", q.size())
                .bind("offset", (long) (q.page() - 1) * q.size())
                .map((rs, ctx) -> summary(rs))
                .list();
        return new ArticlePage(items, total);
    }

    static Map<String, Long> categories(Handle h, String language, String state) {
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        if (language != null) {
            where.add("language = :language");
            binds.put("language", language);
        }
        if (state != null) {
            where.add("state = :state");
            binds.put("state", state);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT category, COUNT(*) AS n FROM edu_article WHERE " + String.join(" AND ", where)
                        + " GROUP BY category ORDER BY category")
                .bindMap(binds)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    static List<ArticleVersion> versions(Handle h, long id) {
        return h.createQuery("SELECT * FROM edu_article_version WHERE article_id = :id ORDER BY version DESC")
                .bind("id", id).map((rs, ctx) -> version(rs)).list();
    }

    static Optional<ArticleVersion> version(Handle h, long id, int version) {
        return h.createQuery("SELECT * FROM edu_article_version WHERE article_id = :id AND version = :version")
                .bind("id", id).bind("version", version).map((rs, ctx) -> version(rs)).findOne();
    }

    static String orderBy(String sort) {
        boolean descending = sort.startsWith("-");
        String column = SORTS.get((descending ? sort.substring(1) : sort).toLowerCase(Locale.ROOT));
        if (column == null) {
            throw new InvalidArticleException("sort", "must be one of title, updatedAt, publishedAt, views, id (prefix - to reverse)");
        }
        String direction = descending ? " DESC" : " ASC";
        return column + direction + (descending ? " NULLS LAST" : " NULLS FIRST") + ", id" + direction;
    }

    private static Article row(ResultSet rs, List<Long> related) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("language"),
                rs.getString("category"), decodeTags(rs.getString("tags")), rs.getString("video_url"), rs.getString("state"),
                rs.getInt("version"), related, rs.getLong("views"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "published_at"));
    }

    private static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), PlainText.excerpt(rs.getString("head"), 200),
                rs.getString("language"), rs.getString("category"), decodeTags(rs.getString("tags")), rs.getString("state"),
                rs.getInt("version"), rs.getLong("views"), instant(rs, "updated_at"), instant(rs, "published_at"));
    }

    private static ArticleVersion version(ResultSet rs) throws SQLException {
        return new ArticleVersion(rs.getLong("article_id"), rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                rs.getString("language"), rs.getString("category"), decodeTags(rs.getString("tags")), rs.getLong("author_id"),
                rs.getString("author_name"), instant(rs, "created_at"));
    }

    static String encodeTags(List<String> tags) {
        return tags.isEmpty() ? "" : "|" + String.join("|", tags) + "|";
    }

    static List<String> decodeTags(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(encoded.split("\\|")).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
