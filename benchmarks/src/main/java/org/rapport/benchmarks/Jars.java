package org.rapport.benchmarks;

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

/** Writes bundle jars: a new release of an existing bundle, trivial manifest-only bundles, atomic drops into a folder. */
public final class Jars {

    private Jars() {
    }

    /** Writes to {@code out} a copy of {@code jar} whose manifest says {@code Bundle-Version: version} (same classes). */
    public static Path withVersion(Path jar, String version, Path out) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            if (in.getManifest() == null) {
                throw new IOException(jar + " has no manifest");
            }
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream jar2 = new JarOutputStream(os, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    jar2.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(jar2);
                    jar2.closeEntry();
                }
            }
        }
        return out;
    }

    /** Writes a bundle with only a manifest: symbolic name {@code symbolicName}, version 1.0.0. */
    public static Path trivialBundle(String symbolicName, Path out) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(new Attributes.Name("Bundle-ManifestVersion"), "2");
        main.put(new Attributes.Name("Bundle-SymbolicName"), symbolicName);
        main.put(new Attributes.Name("Bundle-Version"), "1.0.0");
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(os, manifest)) {
            jar.flush();
        }
        return out;
    }

    /** Copies {@code source} to {@code target} atomically, through a temporary file in {@code tempDir} (same file system). */
    public static void copyAtomically(Path source, Path target, Path tempDir) throws IOException {
        Path tmp = Files.createTempFile(tempDir, "deploy", ".tmp");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
