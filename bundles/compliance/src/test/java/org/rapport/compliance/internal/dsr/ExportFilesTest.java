package org.rapport.compliance.internal.dsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.compliance.DataFile;
import org.rapport.compliance.DataTable;

class ExportFilesTest {

    @TempDir
    Path dir;

    @Test
    void filesAreCopiedBesideTheTables_andOnesGoneAreNamedInTheManifest() throws Exception {
        Path invoice = Files.writeString(dir.resolve("invoice.txt"), "发票 42");
        DataTable table = new DataTable("attachments", List.of("messageId", "file"), List.of(List.of(7L, "files/attachments/7/1-invoice.txt")));
        Map<String, Object> manifest = new LinkedHashMap<>(Map.of("contactId", 5));

        Map<String, String> zip = unzip(manifest, Map.of("conversations", List.of(table)), Map.of("conversations", List.of(
                new DataFile("attachments/7/1-invoice.txt", invoice), new DataFile("attachments/8/1-gone.txt", dir.resolve("gone.txt")))));

        assertThat(zip).containsEntry("conversations/files/attachments/7/1-invoice.txt", "发票 42")
                .containsKeys("manifest.json", "conversations/attachments.json", "conversations/attachments.csv")
                .doesNotContainKey("conversations/files/attachments/8/1-gone.txt");
        assertThat(zip.get("manifest.json")).contains("missingFiles", "conversations/files/attachments/8/1-gone.txt");
    }

    @Test
    void aFileNameCannotLeaveItsFolder() {
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "", "a\\b")) {
            assertThatThrownBy(() -> new DataFile(bad, dir)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new DataFile("attachments/1/1-发票.txt", dir).name()).isEqualTo("attachments/1/1-发票.txt");
    }

    private static Map<String, String> unzip(Map<String, Object> manifest, Map<String, List<DataTable>> tables,
            Map<String, List<DataFile>> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFiles.write(out, manifest, tables, files);
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
