package org.rapport.compliance;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A file in a contact's data export, such as an attachment they sent: copied into the export's
 * zip as {@code <provider>/files/<name>}.
 *
 * @param name the file's name in the export: a relative path of letters, digits, {@code .},
 *        {@code -}, {@code _} and {@code /}, with no {@code ..}
 * @param source where the file is; a file gone by the time of the export is left out and counted
 *        in the manifest
 * @since 0.4
 */
public record DataFile(String name, Path source) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]+(/[\\p{L}\\p{N}._-]+)*");

    public DataFile {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..") || name.length() > 300) {
            throw new IllegalArgumentException("Not a file name for an export: " + name);
        }
        if (source == null) {
            throw new IllegalArgumentException("A file of an export needs its source");
        }
    }
}
