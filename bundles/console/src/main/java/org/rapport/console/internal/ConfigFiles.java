package org.rapport.console.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rapport.web.ApiException;
import org.rapport.web.Json;

/**
 * The console's side of {@code DATA/config/}: reads and atomically writes {@code <pid>.cfg.json}
 * (and {@code <factoryPid>~<name>.cfg.json}). The configfiles bundle watches the folder and
 * applies a changed file live, so the file is the source of truth.
 */
final class ConfigFiles {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+(~[A-Za-z0-9._-]+)?");

    private final Path folder;

    ConfigFiles(Path folder) {
        this.folder = folder;
    }

    static void checkKey(String key) {
        if (!KEY.matcher(key).matches() || key.startsWith(".")) {
            throw ApiException.badRequest("'" + key + "' is not a valid configuration PID");
        }
    }

    Path file(String key) {
        checkKey(key);
        return folder.resolve(key + ".cfg.json");
    }

    /** The raw values of this key's file, or empty if there is none or it is unreadable. */
    Map<String, Object> read(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    void write(String key, Map<String, Object> values) throws IOException {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + key, ".tmp");
        try {
            Files.writeString(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(values), StandardCharsets.UTF_8);
            Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    boolean delete(String key) throws IOException {
        return Files.deleteIfExists(file(key));
    }

    /** Names of the factory instances with a file here, e.g. {@code "main"} for {@code fp~main.cfg.json}. */
    List<String> instances(String factoryPid) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String prefix = factoryPid + "~";
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".cfg.json"))
                    .map(n -> n.substring(prefix.length(), n.length() - ".cfg.json".length()))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
