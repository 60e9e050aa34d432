package org.rapport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system helpers: recursive delete and counting Felix's bundle cache folders. */
public final class Fs {

    private Fs() {
    }

    /** Deletes {@code dir} and everything under it, quietly (best effort). */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Bundles installed in a Felix storage folder: its {@code bundle<id>} folders, not counting
     * {@code bundle0} (the system bundle). Felix removes a folder when its bundle is uninstalled.
     */
    public static int installedBundles(Path felixStorage) throws IOException {
        try (Stream<Path> dirs = Files.list(felixStorage)) {
            return (int) dirs.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("bundle\\d+") && !n.equals("bundle0"))
                    .count();
        }
    }
}
