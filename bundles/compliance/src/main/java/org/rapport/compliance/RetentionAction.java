package org.rapport.compliance;

import java.util.Locale;

/**
 * What happens to personal data at the end of its retention period or on erasure.
 *
 * @since 0.1
 */
public enum RetentionAction {
    /** The records are removed. */
    DELETE,
    /** The records stay for statistics with everything identifying removed. */
    ANONYMISE;

    /** {@code delete} or {@code anonymise}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action with this id (any case). */
    public static RetentionAction of(String id) {
        for (RetentionAction action : values()) {
            if (action.name().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown retention action '" + id + "' (delete or anonymise)");
    }
}
