package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Hot deploy through {@code DATA/deploy/}: a dropped bundle starts, its replacement updates it
 * (its new behaviour visible over HTTP), its deletion removes it; a corrupt jar is reported in
 * /health while the server keeps serving. No restart.
 */
@RunWith(PaxExam.class)
public class HotDeployIT extends RapportTestSupport {

    @Configuration
    public Option[] config() {
        return rapport();
    }

    @Test
    public void dropReplaceDeleteWithoutRestart() throws IOException {
        awaitHealthUp();
        Path deployed = dataDir().resolve("deploy/hello.jar");
        assertEquals(404, get("/hello").statusCode());

        copyAtomically(fixture("org.rapport.itest.hello.jar"), deployed);
        await("/hello answers from version 0.1.0", TIMEOUT, () -> versionAtHello().startsWith("0.1.0"));

        Path v2 = withVersion(fixture("org.rapport.itest.hello.jar"), "2.0.0");
        copyAtomically(v2, deployed);
        await("/hello answers from the updated version 2.0.0", TIMEOUT, () -> versionAtHello().equals("2.0.0"));
        assertEquals("one hello bundle after the update", 1, helloBundles());

        Files.delete(deployed);
        await("/hello gone after deletion", TIMEOUT, () -> get("/hello").statusCode() == 404);
        await("hello bundle uninstalled", TIMEOUT, () -> helloBundles() == 0);
        awaitHealthUp();
    }

    @Test
    public void corruptJarIsReportedAndServerKeepsServing() throws IOException {
        awaitHealthUp();
        Path corrupt = dataDir().resolve("deploy/corrupt.jar");
        Path tmp = Files.createTempFile(dataDir(), "corrupt", ".tmp");
        Files.write(tmp, "this is not a zip file".getBytes());
        Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.move(tmp, corrupt, StandardCopyOption.ATOMIC_MOVE);

        await("/health reports corrupt.jar", TIMEOUT, () -> {
            JsonNode health = json(get("/health"));
            return health.path("problems").toString().contains("corrupt.jar");
        });
        JsonNode health = json(get("/health"));
        assertEquals("a bad extra jar does not take the server down", "UP", health.path("status").asText());
        assertEquals("DEGRADED", health.path("checks").path("deploy").path("status").asText());
        assertEquals(200, get("/metrics").statusCode());
        Files.delete(corrupt);
        await("problem gone once the jar is removed", TIMEOUT,
                () -> json(get("/health")).path("checks").path("deploy").path("status").asText().equals("UP"));
    }

    private String versionAtHello() {
        var response = get("/hello");
        return response.statusCode() == 200 ? json(response).path("version").asText() : "";
    }

    private long helloBundles() {
        return java.util.Arrays.stream(context.getBundles())
                .filter(b -> "org.rapport.itest.hello".equals(b.getSymbolicName())).count();
    }

    static void copyAtomically(Path source, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent().getParent(), "deploy", ".tmp");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A copy of {@code jar} whose manifest says {@code Bundle-Version: version}: same code, a new release. */
    static Path withVersion(Path jar, String version) throws IOException {
        Path out = Files.createTempFile("hello-" + version, ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream jout = new JarOutputStream(os, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    jout.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(jout);
                    jout.closeEntry();
                }
            }
        }
        assertTrue(Files.size(out) > 0);
        return out;
    }

}
