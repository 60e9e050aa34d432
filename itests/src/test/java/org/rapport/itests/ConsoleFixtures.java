package org.rapport.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Test bundles for the console tests, written at test time: a bundle that contributes a console
 * page (by {@code rapport.console.page.*} service properties, the console's no-compile-dependency
 * whiteboard form) and serves its ES module as an HTTP whiteboard resource, so that installing,
 * stopping and uninstalling it must show in the navigation; and files that are not bundles.
 */
public final class ConsoleFixtures {

    /** Symbolic name of the page-contributing test bundle. */
    public static final String PAGE_BUNDLE = "org.rapport.itest.consolepage";
    /** Id of the page it contributes. */
    public static final String PAGE_ID = "itest-page";
    public static final String PAGE_LABEL_EN = "Fixture page";
    public static final String PAGE_LABEL_ZH = "测试页面";

    private ConsoleFixtures() {
    }

    /** Registers the fixture's console page and its module (one service, two whiteboards). */
    public static final class PageActivator implements BundleActivator {
        private ServiceRegistration<?> registration;

        @Override
        public void start(BundleContext context) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("rapport.console.page.id", PAGE_ID);
            props.put("rapport.console.page.group", "other");
            props.put("rapport.console.page.order", 50);
            props.put("rapport.console.page.roles", new String[] {"admin"});
            props.put("rapport.console.page.label.en", PAGE_LABEL_EN);
            props.put("rapport.console.page.label.zh", PAGE_LABEL_ZH);
            props.put("rapport.console.page.module", "/itest-page/page.js");
            props.put("osgi.http.whiteboard.resource.pattern", "/itest-page/*");
            props.put("osgi.http.whiteboard.resource.prefix", "/itest-web");
            registration = context.registerService(Object.class.getName(), new Object(), props);
        }

        @Override
        public void stop(BundleContext context) {
            registration.unregister();
        }
    }

    /** Writes the page-contributing bundle jar into {@code dir}. */
    public static Path pageBundle(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", PAGE_BUNDLE);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "Rapport test fixture: console page");
        main.putValue("Bundle-Activator", PageActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        Path jar = dir.resolve("consolepage.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
            String classFile = PageActivator.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(classFile));
            try (InputStream in = PageActivator.class.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            out.closeEntry();
            out.putNextEntry(new JarEntry("itest-web/page.js"));
            out.write(("export function render(container, ctx) {\n"
                    + "    const p = document.createElement('p');\n"
                    + "    p.className = 'fixture-page';\n"
                    + "    p.textContent = 'Fixture page for ' + ctx.user.username + ' (' + ctx.lang + ')';\n"
                    + "    container.append(p);\n"
                    + "}\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** A file that is not a zip at all. */
    public static Path notAJar(Path dir) throws IOException {
        return Files.writeString(dir.resolve("notes.jar"), "this is not a jar", StandardCharsets.UTF_8);
    }

    /** A valid jar whose manifest has no OSGi headers. */
    public static Path plainJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = dir.resolve("plain.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("no bundle here".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** A file of {@code megabytes} MB (plus one byte) that starts like a zip: refused for its size before anything else. */
    public static Path oversized(Path dir, int megabytes) throws IOException {
        Path file = dir.resolve("huge.jar");
        byte[] chunk = new byte[1024 * 1024];
        chunk[0] = 'P';
        chunk[1] = 'K';
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < megabytes; i++) {
                out.write(chunk);
                chunk[0] = 0;
                chunk[1] = 0;
            }
            out.write(0);
        }
        return file;
    }
}
