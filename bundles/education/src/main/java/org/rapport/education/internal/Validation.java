package org.rapport.education.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rapport.education.ArticleInput;
import org.rapport.education.InvalidArticleException;

/** Checks and normalises what an editor wrote; every problem is reported by field at once. */
final class Validation {
    static final int MAX_TITLE = 300;
    static final int MAX_BODY = 200_000;
    static final int MAX_CATEGORY = 64;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 40;
    static final int MAX_RELATED = 20;
    static final Set<String> LANGUAGES = Set.of("zh", "en");
    static final Set<String> KINDS = Set.of("article", "guide", "video");

    private Validation() {
    }

    static ArticleInput article(ArticleInput in, long selfId) {
        if (in == null) {
            throw new InvalidArticleException("body", "is required");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(in.title());
        if (title == null) {
            errors.put("title", "is required");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "must be at most " + MAX_TITLE + " characters");
        }
        String body = in.body() == null ? null : in.body().replace("\r\n", "\n").strip();
        if (body == null || body.isEmpty()) {
            errors.put("body", "is required");
        } else if (body.length() > MAX_BODY) {
            errors.put("body", "must be at most " + MAX_BODY + " characters");
        }
        String language = text(in.language());
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
        if (language == null) {
            errors.put("language", "is required (zh or en)");
        } else if (!LANGUAGES.contains(language)) {
            errors.put("language", "must be zh or en");
        }
        String category = text(in.category());
        if (category == null) {
            errors.put("category", "is required");
        } else if (category.length() > MAX_CATEGORY) {
            errors.put("category", "must be at most " + MAX_CATEGORY + " characters");
        } else if (category.indexOf('|') >= 0) {
            errors.put("category", "must not contain |");
        }
        List<String> tags = tags(in.tags(), errors);
        String kind = text(in.kind()) == null ? "article" : in.kind().strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            errors.put("kind", "must be article, guide or video");
        }
        String videoUrl = text(in.videoUrl());
        if (videoUrl != null && !isWebAddress(videoUrl)) {
            errors.put("videoUrl", "must be an http or https address");
        } else if (videoUrl == null && "video".equals(kind)) {
            errors.put("videoUrl", "is required for a video");
        }
        List<Long> related = new ArrayList<>(new LinkedHashSet<>(in.related()));
        if (related.size() > MAX_RELATED) {
            errors.put("related", "at most " + MAX_RELATED + " articles");
        } else if (related.stream().anyMatch(id -> id == null || id <= 0)) {
            errors.put("related", "must be article ids");
        } else if (selfId > 0 && related.contains(selfId)) {
            errors.put("related", "must not name the article itself");
        }
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        return new ArticleInput(title, body, language, category, tags, kind, videoUrl, related);
    }

    private static List<String> tags(List<String> given, Map<String, String> errors) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : given) {
            String t = text(tag);
            if (t == null) {
                continue;
            }
            if (t.length() > MAX_TAG || t.indexOf('|') >= 0) {
                errors.put("tags", "each at most " + MAX_TAG + " characters, without |");
                return List.of();
            }
            tags.add(t);
        }
        if (tags.size() > MAX_TAGS) {
            errors.put("tags", "at most " + MAX_TAGS);
        }
        return List.copyOf(tags);
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.getHost() != null && value.length() <= 2000
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? null : stripped;
    }
}
