package org.rapport.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search hits.
 *
 * @param items the hits, best first
 * @param total how many documents match in all
 * @param facets facet → value → count over all matching documents: {@code type}, {@code tier},
 *     {@code industry}, {@code region}, {@code language}
 * @since 0.1
 */
public record SearchResult(List<SearchHit> items, long total, Map<String, Map<String, Long>> facets) {

    public SearchResult {
        items = List.copyOf(items);
        facets = Map.copyOf(facets);
    }
}
