package org.rapport.compliance.internal.dsr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rapport.compliance.DataFile;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.internal.Csv;
import org.rapport.web.Json;

/**
 * A contact's export as a zip: {@code manifest.json} (contact, when, providers and their tables
 * with row counts), then per provider and table {@code <provider>/<table>.json} (an array of
 * objects) and {@code <provider>/<table>.csv} (UTF-8 with BOM, formulas neutralised), and the
 * provider's files as {@code <provider>/files/<name>}. Files that could not be read are named in
 * the manifest's {@code missingFiles}.
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    /** Writes the export as a zip to {@code out}. */
    public static void write(OutputStream out, DataSubjects.Export export) throws IOException {
        write(out, export.manifest(), export.tables(), export.files());
    }

    static void write(OutputStream out, Map<String, Object> manifest, Map<String, List<DataTable>> byProvider) throws IOException {
        write(out, manifest, byProvider, Map.of());
    }

    static void write(OutputStream out, Map<String, Object> manifest, Map<String, List<DataTable>> byProvider,
            Map<String, List<DataFile>> files) throws IOException {
        List<String> missing = new ArrayList<>();
        files.forEach((provider, list) -> list.stream().filter(f -> !Files.isRegularFile(f.source()))
                .forEach(f -> missing.add(safe(provider) + "/files/" + f.name())));
        Map<String, Object> withMissing = manifest;
        if (!missing.isEmpty()) {
            withMissing = new LinkedHashMap<>(manifest);
            withMissing.put("missingFiles", missing);
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(withMissing));
        zip.closeEntry();
        for (Map.Entry<String, List<DataTable>> provider : byProvider.entrySet()) {
            for (DataTable table : provider.getValue()) {
                String base = safe(provider.getKey()) + "/" + safe(table.name());
                zip.putNextEntry(new ZipEntry(base + ".json"));
                zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(objects(table)));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(base + ".csv"));
                StringBuilder csv = new StringBuilder("\uFEFF").append(Csv.line(table.columns()));
                for (List<Object> row : table.rows()) {
                    csv.append(Csv.line(row.stream().map(ExportFiles::text).toList()));
                }
                zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        for (Map.Entry<String, List<DataFile>> provider : files.entrySet()) {
            for (DataFile file : provider.getValue()) {
                String entry = safe(provider.getKey()) + "/files/" + file.name();
                if (missing.contains(entry)) {
                    continue;
                }
                copy(zip, entry, file.source());
            }
        }
        zip.finish();
    }

    private static void copy(ZipOutputStream zip, String entry, Path source) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(source);
        } catch (IOException e) { // gone since the manifest was written
            return;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    static List<Map<String, Object>> objects(DataTable table) {
        return table.rows().stream().map(row -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                Object value = row.get(i);
                object.put(table.columns().get(i), value instanceof TemporalAccessor ? value.toString() : value);
            }
            return object;
        }).toList();
    }

    private static Object text(Object value) {
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        return value;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
