package org.rapport.records.internal;

/** The names of the counts an import job reports. */
final class ImportCounts {
    static final String ROWS = "rows";
    static final String IMPORTED = "imported";
    static final String MERGED = "merged";
    static final String DUPLICATES = "duplicates";
    static final String REJECTED = "rejected";
    static final String WARNINGS = "warnings";
    static final String CONTACTS = "contacts";

    private ImportCounts() {
    }
}
