package org.rapport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarsTest {

    @Test
    void newReleaseKeepsTheClassesAndChangesTheVersion(@TempDir Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "x");
        manifest.getMainAttributes().putValue("Bundle-Version", "0.1.0");
        Path jar = dir.resolve("x.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
            out.putNextEntry(new JarEntry("a/B.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }

        Path release = Jars.withVersion(jar, "1.0.7", dir.resolve("x-1.0.7.jar"));

        try (JarInputStream in = new JarInputStream(Files.newInputStream(release))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-Version")).isEqualTo("1.0.7");
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("x");
            List<String> names = new ArrayList<>();
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                names.add(e.getName());
                assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            }
            assertThat(names).containsExactly("a/B.class");
        }
    }

    @Test
    void trivialBundleHasOnlyAManifest(@TempDir Path dir) throws IOException {
        Path jar = Jars.trivialBundle("bench.b3", dir.resolve("b3.jar"));
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Attributes main = in.getManifest().getMainAttributes();
            assertThat(main.getValue("Bundle-ManifestVersion")).isEqualTo("2");
            assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("bench.b3");
            assertThat(main.getValue("Bundle-Version")).isEqualTo("1.0.0");
            assertThat(in.getNextJarEntry()).isNull();
        }
    }

    @Test
    void installedBundlesSkipTheSystemBundle(@TempDir Path dir) throws IOException {
        for (String name : List.of("bundle0", "bundle1", "bundle2", "bundle10", "cache.lock")) {
            Files.createDirectories(dir.resolve(name));
        }
        assertThat(Fs.installedBundles(dir)).isEqualTo(3);
    }
}
