package org.rapport.configfiles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSyncTest {

    @TempDir
    Path tmp;

    private final Map<String, Map<String, Object>> admin = new TreeMap<>();
    private final ConfigTarget target = new ConfigTarget() {
        @Override
        public void apply(ConfigFileName name, Map<String, Object> values) {
            admin.put(name.key(), values);
        }

        @Override
        public void delete(ConfigFileName name) {
            admin.remove(name.key());
        }
    };
    private final Interpolator interpolator = new Interpolator(k -> k.equals("rapport.data") ? "/srv/data" : null,
            k -> k.equals("DB_URL") ? "jdbc:postgresql://db/rapport" : null);

    private ConfigSync sync(Path... folders) {
        return new ConfigSync(List.of(folders), target, interpolator);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        // make each write visible to the fingerprint even within one millisecond
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + (long) (Math.random() * 100_000)));
    }

    @Test
    void laterFolderOverridesKeysOfEarlierOne() throws IOException {
        Path dist = tmp.resolve("dist");
        Path data = tmp.resolve("data");
        write(dist.resolve("org.rapport.store.cfg.json"), "{\"type\": \"h2\", \"poolSize\": 10, \"url\": \"jdbc:h2:${rapport.data}/db\"}");
        write(data.resolve("org.rapport.store.cfg.json"), "{\"poolSize\": 4}");
        ConfigSync sync = sync(dist, data);
        assertThat(sync.sync()).isTrue();
        assertThat(admin.get("org.rapport.store")).containsEntry("type", "h2").containsEntry("poolSize", 4L)
                .containsEntry("url", "jdbc:h2:/srv/data/db");
        assertThat(sync.problems()).isEmpty();
    }

    @Test
    void malformedFileIsReportedAndLastGoodConfigurationStays() throws IOException {
        Path data = tmp.resolve("data");
        Path file = data.resolve("org.rapport.x.cfg.json");
        write(file, "{\"greeting\": \"hello\"}");
        ConfigSync sync = sync(data);
        sync.sync();
        write(file, "{\"greeting\": \"hi\",");
        sync.sync();
        assertThat(admin.get("org.rapport.x")).containsEntry("greeting", "hello");
        assertThat(sync.problems()).containsKey(file.toString());
        assertThat(sync.problems().get(file.toString())).contains("malformed JSON at line 1");

        write(file, "{\"greeting\": \"hi\"}");
        sync.sync();
        assertThat(admin.get("org.rapport.x")).containsEntry("greeting", "hi");
        assertThat(sync.problems()).isEmpty();
    }

    @Test
    void removedFilesDeleteTheConfiguration() throws IOException {
        Path file = tmp.resolve("a.cfg");
        write(file, "k = v\n");
        ConfigSync sync = sync(tmp);
        sync.sync();
        assertThat(admin).containsKey("a");
        Files.delete(file);
        sync.sync();
        assertThat(admin).doesNotContainKey("a");
    }

    @Test
    void unchangedFilesAreNotReapplied() throws IOException {
        write(tmp.resolve("a.cfg"), "k = v\n");
        ConfigSync sync = sync(tmp);
        assertThat(sync.sync()).isTrue();
        admin.clear();
        assertThat(sync.sync()).isFalse();
        assertThat(admin).isEmpty();
    }

    @Test
    void factoryConfigurationsAndTypedValues() throws IOException {
        write(tmp.resolve("org.rapport.email.mailbox~support.cfg.json"),
                "{\"port\": 993, \"tls\": true, \"ratio\": 0.5, \"hosts\": [\"a\", \"b\"], \"ports\": [1, 2], \"url\": \"${env:DB_URL}\"}");
        sync(tmp).sync();
        Map<String, Object> values = admin.get("org.rapport.email.mailbox~support");
        assertThat(values).containsEntry("port", 993L).containsEntry("tls", true).containsEntry("ratio", 0.5)
                .containsEntry("url", "jdbc:postgresql://db/rapport");
        assertThat((String[]) values.get("hosts")).containsExactly("a", "b");
        assertThat((Long[]) values.get("ports")).containsExactly(1L, 2L);
    }

    @Test
    void badValuesAreProblemsNotCrashes() throws IOException {
        write(tmp.resolve("nested.cfg.json"), "{\"a\": {\"b\": 1}}");
        write(tmp.resolve("array.cfg.json"), "[1, 2]");
        write(tmp.resolve("env.cfg.json"), "{\"a\": \"${env:NOT_SET}\"}");
        write(tmp.resolve("binary.cfg"), "");
        Files.write(tmp.resolve("latin.cfg.json"), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'});
        ConfigSync sync = sync(tmp);
        sync.sync();
        assertThat(sync.problems()).hasSize(4);
        assertThat(String.join("\n", sync.problems().values()))
                .contains("only strings, numbers, booleans", "a JSON object", "NOT_SET is not set", "not UTF-8");
        assertThat(admin).containsOnlyKeys("binary");
    }

    @Test
    void interpolatorDefaultsAndErrors() {
        assertThat(interpolator.apply("${env:NOPE:-fallback}/x")).isEqualTo("fallback/x");
        assertThat(interpolator.apply("no placeholders")).isEqualTo("no placeholders");
        assertThatThrownBy(() -> interpolator.apply("${missing}")).hasMessageContaining("property missing is not set");
    }

    @Test
    void fileNames() {
        assertThat(ConfigFileName.parse("a.b.cfg.json")).hasValue(new ConfigFileName("a.b", null, null, true));
        assertThat(ConfigFileName.parse("f~n.cfg")).hasValue(new ConfigFileName(null, "f", "n", false));
        assertThat(ConfigFileName.parse("readme.md")).isEmpty();
        assertThat(ConfigFileName.parse(".cfg")).isEmpty();
    }
}
