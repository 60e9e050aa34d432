package org.rapport.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.rapport.web.ApiException;

/**
 * An uploaded file checked to be an OSGi bundle: a zip with a manifest naming
 * {@code Bundle-SymbolicName} and {@code Bundle-ManifestVersion: 2}. Anything else is a 400 (or
 * 413 when over the size limit) with a message saying what is wrong.
 */
record UploadedJar(Path file, String symbolicName, String version) {

    /** Copies {@code body} into a new file in {@code folder}, failing with 413 past {@code maxBytes}. */
    static Path receive(InputStream body, long declaredLength, long maxBytes, Path folder) throws IOException {
        if (declaredLength > maxBytes) {
            drain(body);
            throw tooLarge(maxBytes);
        }
        Path tmp = Files.createTempFile(folder, ".upload-", ".tmp");
        try (InputStream in = body; var out = Files.newOutputStream(tmp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    drain(in);
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ApiException.badRequest("The upload is empty: send the bundle jar as the request body");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Reads and drops the rest of a refused body (bounded), so the client gets the answer instead of a reset. */
    private static void drain(InputStream in) throws IOException {
        long dropped = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0 && dropped < MAX_DRAIN; n = in.read(buffer)) {
            dropped += n;
        }
    }

    private static final long MAX_DRAIN = 256L * 1024 * 1024;

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "payload_too_large",
                "The file is larger than the upload limit of " + (maxBytes / (1024 * 1024)) + " MB");
    }

    /** Reads the manifest of {@code file}; deletes the file and throws a 400 if it is not a bundle. */
    static UploadedJar inspect(Path file) throws IOException {
        try {
            Manifest manifest;
            try (JarFile jar = new JarFile(file.toFile())) {
                manifest = jar.getManifest();
            } catch (ZipException | SecurityException e) {
                throw new ApiException(400, "not_a_jar", "This is not a jar file (not a valid zip archive)");
            }
            if (manifest == null) {
                throw new ApiException(400, "no_manifest", "The jar has no META-INF/MANIFEST.MF: it is not an OSGi bundle");
            }
            Attributes main = manifest.getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new ApiException(400, "no_osgi_manifest", "No OSGi manifest: Bundle-SymbolicName is missing");
            }
            if (!"2".equals(trim(main.getValue("Bundle-ManifestVersion")))) {
                throw new ApiException(400, "no_osgi_manifest", "No OSGi manifest: Bundle-ManifestVersion must be 2");
            }
            String symbolicName = name.split(";", 2)[0].trim();
            if (!symbolicName.matches("[A-Za-z0-9_.-]+")) {
                throw new ApiException(400, "bad_symbolic_name", "Bundle-SymbolicName '" + symbolicName + "' is not valid");
            }
            String version = trim(main.getValue("Bundle-Version"));
            return new UploadedJar(file, symbolicName, version == null || version.isEmpty() ? "0.0.0" : version);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
