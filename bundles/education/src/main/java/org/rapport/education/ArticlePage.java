package org.rapport.education;

import java.util.List;

/**
 * One page of a list of articles.
 *
 * @param items the articles on this page
 * @param total how many match in all
 * @since 0.1
 */
public record ArticlePage(List<ArticleSummary> items, long total) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
