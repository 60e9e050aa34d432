package org.rapport.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.web.ApiException;

class UploadedJarTest {

    @TempDir
    Path dir;

    private Path jar(String... headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < headers.length; i += 2) {
            manifest.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        Path file = Files.createTempFile(dir, "b", ".jar");
        try (OutputStream os = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(os, manifest)) {
            out.flush();
        }
        return file;
    }

    private static int status(Throwable e) {
        return ((ApiException) e).status();
    }

    @Test
    void acceptsABundleAndReadsItsNameAndVersion() throws IOException {
        UploadedJar jar = UploadedJar.inspect(jar("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "org.example.x;singleton:=true",
                "Bundle-Version", "1.2.3"));
        assertThat(jar.symbolicName()).isEqualTo("org.example.x");
        assertThat(jar.version()).isEqualTo("1.2.3");
    }

    @Test
    void refusesWhatIsNotABundleAndDeletesIt() throws IOException {
        Path text = Files.writeString(dir.resolve("t.jar"), "hello");
        assertThatThrownBy(() -> UploadedJar.inspect(text)).hasMessageContaining("not a jar").satisfies(e -> assertThat(status(e)).isEqualTo(400));
        assertThat(text).doesNotExist();

        assertThatThrownBy(() -> UploadedJar.inspect(jar())).hasMessageContaining("Bundle-SymbolicName is missing");
        assertThatThrownBy(() -> UploadedJar.inspect(jar("Bundle-SymbolicName", "a.b"))).hasMessageContaining("Bundle-ManifestVersion must be 2");
        assertThatThrownBy(() -> UploadedJar.inspect(jar("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "a b/../c")))
                .hasMessageContaining("is not valid");
    }

    @Test
    void receiveEnforcesTheSizeLimit() throws IOException {
        byte[] body = new byte[2048];
        assertThatThrownBy(() -> UploadedJar.receive(new ByteArrayInputStream(body), -1, 1024, dir))
                .satisfies(e -> assertThat(status(e)).isEqualTo(413));
        assertThatThrownBy(() -> UploadedJar.receive(new ByteArrayInputStream(body), 2048, 1024, dir))
                .satisfies(e -> assertThat(status(e)).isEqualTo(413));
        assertThatThrownBy(() -> UploadedJar.receive(new ByteArrayInputStream(new byte[0]), 0, 1024, dir))
                .hasMessageContaining("empty");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").isEmpty();
        }
        Path ok = UploadedJar.receive(new ByteArrayInputStream(body), -1, 4096, dir);
        assertThat(Files.size(ok)).isEqualTo(2048);
    }
}
