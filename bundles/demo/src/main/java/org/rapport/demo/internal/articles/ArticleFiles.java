package org.rapport.demo.internal.articles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the demo library: {@code demo/articles/index.txt} names the files, each a Markdown body
 * under a small front matter ({@code title}, {@code category}, {@code tags}, {@code kind},
 * {@code video}, {@code related}) between {@code ---} lines.
 */
public final class ArticleFiles {
    /** The folder of the demo library among the bundle's (or the class path's) resources. */
    public static final String ROOT = "demo/articles/";

    private ArticleFiles() {
    }

    /** Every article of the library, in index order, read through {@code open} (a resource path → its stream, or {@code null}). */
    public static List<DemoArticle> load(Function<String, InputStream> open) {
        List<DemoArticle> articles = new ArrayList<>();
        for (String line : read(open, ROOT + "index.txt").split("\n")) {
            String path = line.strip();
            if (path.isEmpty()) {
                continue;
            }
            articles.add(parse(path, read(open, ROOT + path)));
        }
        return articles;
    }

    /** The class-path resources (tests, tools). */
    public static List<DemoArticle> fromClassPath() {
        ClassLoader loader = ArticleFiles.class.getClassLoader();
        return load(loader::getResourceAsStream);
    }

    static DemoArticle parse(String path, String text) {
        String language = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1).replaceFirst("\\.md$", "");
        String normal = text.replace("\r\n", "\n");
        if (!normal.startsWith("---\n")) {
            throw new IllegalArgumentException(path + ": no front matter");
        }
        int end = normal.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalArgumentException(path + ": front matter not closed");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : normal.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String title = meta.get("title");
        if (title == null || meta.get("category") == null) {
            throw new IllegalArgumentException(path + ": title and category are required");
        }
        return new DemoArticle(key, language, title, meta.get("category"), list(meta.get("tags")), meta.getOrDefault("kind", "article"),
                meta.get("video"), list(meta.get("related")), normal.substring(end + 5).strip());
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(Function<String, InputStream> open, String path) {
        try (InputStream in = open.apply(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
