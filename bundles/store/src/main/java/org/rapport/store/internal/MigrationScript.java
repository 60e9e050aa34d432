package org.rapport.store.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One migration script: its file name (for example {@code V2__add_index.sql}) and its SQL text,
 * read only when Flyway needs it.
 *
 * @param name the file name, without folders
 * @param content supplies the script text
 */
public record MigrationScript(String name, Supplier<String> content) {

    public MigrationScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("script name must be a plain file name: " + name);
        }
    }

    /** A script with fixed text. */
    public static MigrationScript of(String name, String sql) {
        return new MigrationScript(name, () -> sql);
    }
}
