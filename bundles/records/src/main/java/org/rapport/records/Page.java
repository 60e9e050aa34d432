package org.rapport.records;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param <T> the item type
 * @param items the items on this page
 * @param total how many there are in all
 * @since 0.1
 */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
