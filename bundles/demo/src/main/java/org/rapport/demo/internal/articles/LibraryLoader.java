package org.rapport.demo.internal.articles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.rapport.education.Article;
import org.rapport.education.ArticleInput;
import org.rapport.education.ArticleQuery;
import org.rapport.education.Education;
import org.rapport.security.Principal;

/**
 * Writes the demo library through the education service: every article created and published,
 * then the "related" links set (they name other articles by key). Only into an empty library.
 */
public final class LibraryLoader {
    private final Education education;
    private final BooleanSupplier stopping;

    public LibraryLoader(Education education, BooleanSupplier stopping) {
        this.education = education;
        this.stopping = stopping;
    }

    /** Articles already in the library. */
    public long existing() {
        return education.list(ArticleQuery.all(1, 1)).total();
    }

    /** Loads the articles; returns how many were written. */
    public int load(List<DemoArticle> articles) {
        Map<String, Long> ids = new HashMap<>();
        List<DemoArticle> withLinks = new ArrayList<>();
        for (DemoArticle a : articles) {
            if (stopping.getAsBoolean()) {
                return ids.size();
            }
            Article created = education.create(new ArticleInput(a.title(), a.body(), a.language(), a.category(), a.tags(), a.kind(),
                    a.videoUrl(), List.of()), Principal.SYSTEM);
            education.publish(created.id(), Principal.SYSTEM);
            ids.put(a.language() + "/" + a.key(), created.id());
            if (!a.related().isEmpty()) {
                withLinks.add(a);
            }
        }
        for (DemoArticle a : withLinks) {
            if (stopping.getAsBoolean()) {
                break;
            }
            List<Long> related = a.related().stream().map(k -> ids.get(a.language() + "/" + k)).filter(java.util.Objects::nonNull).toList();
            long id = ids.get(a.language() + "/" + a.key());
            education.update(id, new ArticleInput(a.title(), a.body(), a.language(), a.category(), a.tags(), a.kind(), a.videoUrl(),
                    related), Principal.SYSTEM);
        }
        return ids.size();
    }
}
