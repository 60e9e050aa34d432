package org.rapport.records.internal;

import java.util.Locale;

/** What an import does with a row that matches an existing client. */
public enum DuplicatePolicy {
    /** Fill the existing client's empty fields, join tags, add the contact if it is new. */
    MERGE,
    /** Leave the existing client alone and report the row as a duplicate. */
    SKIP,
    /** Create a new client anyway (still reported as a possible duplicate). */
    CREATE;

    /** Parses {@code merge}, {@code skip} or {@code create}; {@code null} is {@link #MERGE}. */
    public static DuplicatePolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return MERGE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.rapport.records.InvalidRecordException("onDuplicate", "must be merge, skip or create");
        }
    }
}
