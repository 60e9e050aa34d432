package org.rapport.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.rapport.store.Store;

/** Lists the migration scripts of a bundle from its entries (no class loading, no scanning). */
final class BundleScripts {

    private BundleScripts() {}

    /** The folder named by the bundle's migrations header, or null if it has none. */
    static String folder(Bundle bundle) {
        String header = bundle.getHeaders("").get(Store.MIGRATIONS_HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        String folder = header.strip();
        while (folder.startsWith("/")) {
            folder = folder.substring(1);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder;
    }

    /** The {@code *.sql} entries directly in {@code folder} of the bundle (and its fragments). */
    static List<MigrationScript> scripts(Bundle bundle, String folder) {
        List<MigrationScript> scripts = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder.isEmpty() ? "/" : folder, "*.sql", false);
        if (entries != null) {
            while (entries.hasMoreElements()) {
                URL url = entries.nextElement();
                String path = url.getPath();
                String name = path.substring(path.lastIndexOf('/') + 1);
                scripts.add(new MigrationScript(name, () -> read(url)));
            }
        }
        scripts.sort(Comparator.comparing(MigrationScript::name));
        return scripts;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
