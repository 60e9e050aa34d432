package org.rapport.configfiles.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings ConfigAdmin in line with the configuration files of a list of folders, later folders
 * overriding keys of earlier ones. Only what changed is applied; a file that cannot be parsed is
 * reported and the last good configuration of its PID stays in force; a PID whose files are all
 * gone is deleted. Not thread-safe: one caller (the watcher's thread) at a time.
 */
final class ConfigSync {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSync.class);

    private final List<Path> folders;
    private final ConfigTarget target;
    private final UnaryOperator<String> interpolator;
    private final Map<String, Map<String, Object>> applied = new TreeMap<>();
    private final Map<String, ConfigFileName> names = new TreeMap<>();
    private Map<String, String> problems = Map.of();
    private List<String> fingerprint = List.of();

    ConfigSync(List<Path> folders, ConfigTarget target, UnaryOperator<String> interpolator) {
        this.folders = List.copyOf(folders);
        this.target = target;
        this.interpolator = interpolator;
    }

    /** Files that could not be used, with the reason; empty when all are good. */
    Map<String, String> problems() {
        return problems;
    }

    int appliedCount() {
        return applied.size();
    }

    /** Scans the folders and applies what changed since the last call. Returns whether anything was read. */
    boolean sync() {
        List<Path> files = listFiles();
        List<String> current = fingerprint(files);
        if (current.equals(fingerprint)) {
            return false;
        }
        fingerprint = current;
        Map<String, List<Path>> byKey = new LinkedHashMap<>();
        for (Path file : files) {
            ConfigFileName.parse(file.getFileName().toString())
                    .ifPresent(name -> byKey.computeIfAbsent(name.key(), k -> new ArrayList<>()).add(file));
        }
        Map<String, String> newProblems = new TreeMap<>();
        for (Map.Entry<String, List<Path>> entry : byKey.entrySet()) {
            syncOne(entry.getKey(), entry.getValue(), newProblems);
        }
        for (String key : List.copyOf(applied.keySet())) {
            if (!byKey.containsKey(key)) {
                remove(key);
            }
        }
        problems = Map.copyOf(newProblems);
        return true;
    }

    private void syncOne(String key, List<Path> files, Map<String, String> newProblems) {
        Map<String, Object> merged = new TreeMap<>();
        ConfigFileName name = null;
        for (Path file : files) {
            name = ConfigFileName.parse(file.getFileName().toString()).orElseThrow();
            try {
                merged.putAll(ConfigFileParser.parse(read(file), name.json(), interpolator));
            } catch (ConfigFileParser.InvalidConfigException | IOException e) {
                newProblems.put(file.toString(), e.getMessage());
                LOG.error("Configuration file {} is not valid ({}); keeping the last good configuration of {}", file,
                        e.getMessage(), key);
                return;
            }
        }
        Map<String, Object> previous = applied.get(key);
        if (previous != null && sameValues(previous, merged)) {
            return;
        }
        try {
            target.apply(name, merged);
            applied.put(key, merged);
            names.put(key, name);
            LOG.info("Configuration {} {} from {}", key, previous == null ? "set" : "updated", files);
        } catch (IOException | RuntimeException e) {
            newProblems.put(files.get(files.size() - 1).toString(), "could not be applied: " + e.getMessage());
            LOG.error("Configuration {} could not be applied: {}", key, e.getMessage());
        }
    }

    private void remove(String key) {
        try {
            target.delete(names.get(key));
            LOG.info("Configuration {} removed: its files are gone", key);
        } catch (IOException | RuntimeException e) {
            LOG.error("Configuration {} could not be removed: {}", key, e.getMessage());
        }
        applied.remove(key);
        names.remove(key);
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    private List<Path> listFiles() {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(Files::isRegularFile)
                        .filter(p -> ConfigFileName.parse(p.getFileName().toString()).isPresent())
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                LOG.warn("Cannot list configuration folder {}: {}", folder, e.getMessage());
            }
        }
        return files;
    }

    private static List<String> fingerprint(List<Path> files) {
        List<String> prints = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                prints.add(file + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + Files.size(file));
            } catch (IOException e) {
                prints.add(file + "|gone");
            }
        }
        return prints;
    }

    static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object x = e.getValue();
            Object y = b.get(e.getKey());
            boolean same = x instanceof Object[] xs && y instanceof Object[] ys ? Arrays.deepEquals(xs, ys) : Objects.equals(x, y);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    Optional<Map<String, Object>> applied(String key) {
        return Optional.ofNullable(applied.get(key));
    }
}
