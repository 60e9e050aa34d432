package org.rapport.compliance;

import java.util.List;

/**
 * What one provider erased or anonymised for a contact.
 *
 * @param provider the provider's name
 * @param items one line per kind of record
 * @since 0.1
 */
public record Erasure(String provider, List<Item> items) {

    public Erasure {
        items = List.copyOf(items);
    }

    /**
     * @param what the kind of record, e.g. {@code contact}, {@code interactions}
     * @param action {@link RetentionAction#DELETE} or {@link RetentionAction#ANONYMISE}
     * @param count how many records
     */
    public record Item(String what, RetentionAction action, long count) {
    }
}
