package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The console's REST API in the running server, signed in as the first admin: the bundles API
 * (list, upload, start / stop / uninstall, bad uploads refused with a 4xx and a message, the
 * framework and console protected), the pages endpoint following a page-contributing bundle as
 * it is installed, stopped and uninstalled, and the configuration API writing DATA/config.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleRestIT extends RapportTestSupport {

    private static final String ADMIN_PASSWORD = "console-it-password";
    private static final String BUNDLES = "/api/v1/system/bundles";

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    @Configuration
    public Option[] config() {
        return rapport(data -> {
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + ADMIN_PASSWORD + "\"}");
            Files.writeString(data.resolve("config/org.rapport.console.bundles.cfg.json"), "{\"maxUploadMegabytes\": 1}");
        });
    }

    private void signIn() {
        awaitHealthUp();
        await("admin can sign in", TIMEOUT, () -> {
            HttpResponse<String> login = call(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")));
            if (login.statusCode() != 200) {
                return false;
            }
            csrf = json(login).path("csrfToken").asText();
            return true;
        });
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getAs(String path) {
        return call(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path) {
        return call(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> upload(Path jar, String contentType) throws IOException {
        return call(HttpRequest.newBuilder(uri(BUNDLES)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(jar)));
    }

    private HttpResponse<String> upload(Path jar) throws IOException {
        return upload(jar, "application/java-archive");
    }

    /** The jar as the {@code file} part of a multipart/form-data body, as a browser form sends it. */
    private HttpResponse<String> uploadMultipart(Path jar) throws IOException {
        String boundary = "----rapport" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hello.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call(HttpRequest.newBuilder(uri(BUNDLES)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private JsonNode bundle(String symbolicName) {
        for (JsonNode b : json(getAs(BUNDLES))) {
            if (symbolicName.equals(b.path("symbolicName").asText())) {
                return b;
            }
        }
        return null;
    }

    private boolean navHas(String pageId) {
        HttpResponse<String> pages = getAs("/api/v1/console/pages");
        assertEquals(pages.body(), 200, pages.statusCode());
        for (JsonNode page : json(pages).path("items")) {
            if (pageId.equals(page.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private long deployedJars() throws IOException {
        try (Stream<Path> files = Files.list(dataDir().resolve("deploy"))) {
            return files.count();
        }
    }

    @Test
    public void listsBundlesForAdminsOnly() {
        awaitHealthUp();
        assertEquals("anonymous", 401, getAs(BUNDLES).statusCode());
        signIn();
        HttpResponse<String> list = getAs(BUNDLES);
        assertEquals(list.body(), 200, list.statusCode());
        JsonNode bundles = json(list);
        assertTrue("a plain array", bundles.isArray());
        assertEquals(context.getBundles().length, bundles.size());
        JsonNode console = bundle("org.rapport.console");
        assertEquals("ACTIVE", console.path("state").asText());
        assertTrue(console.path("protected").asBoolean());
        assertTrue(console.path("id").isNumber());
        assertFalse(console.path("version").asText().isEmpty());
        assertEquals(0, bundle("org.apache.felix.framework").path("id").asInt());
    }

    @Test
    public void uploadStartStopUninstall() throws IOException {
        signIn();
        HttpResponse<String> installed = upload(fixture("org.rapport.itest.hello.jar"));
        assertEquals(installed.body(), 201, installed.statusCode());
        JsonNode hello = json(installed);
        assertEquals("org.rapport.itest.hello", hello.path("symbolicName").asText());
        assertEquals("answers once ACTIVE", "ACTIVE", hello.path("state").asText());
        assertTrue("kept in the hot-deploy folder", Files.exists(dataDir().resolve("deploy/org.rapport.itest.hello.jar")));
        assertEquals(200, get("/hello").statusCode());
        long id = hello.path("id").asLong();

        HttpResponse<String> stopped = post(BUNDLES + "/" + id + "/stop");
        assertEquals(stopped.body(), 200, stopped.statusCode());
        assertEquals("RESOLVED", json(stopped).path("state").asText());
        assertEquals(404, get("/hello").statusCode());

        HttpResponse<String> started = post(BUNDLES + "/" + id + "/start");
        assertEquals(started.body(), 200, started.statusCode());
        assertEquals("ACTIVE", json(started).path("state").asText());
        await("/hello back", TIMEOUT, () -> get("/hello").statusCode() == 200);

        HttpResponse<String> updated = uploadMultipart(HotDeployIT.withVersion(fixture("org.rapport.itest.hello.jar"), "2.0.0"));
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("same bundle, updated", id, json(updated).path("id").asLong());
        assertEquals("2.0.0", json(updated).path("version").asText());
        assertEquals("ACTIVE", json(updated).path("state").asText());
        assertEquals(1, deployedJars());

        HttpResponse<String> removed = call(HttpRequest.newBuilder(uri(BUNDLES + "/" + id)).DELETE());
        assertEquals(removed.body(), 204, removed.statusCode());
        assertEquals(null, bundle("org.rapport.itest.hello"));
        assertEquals(0, deployedJars());
        assertEquals(404, get("/hello").statusCode());
        assertEquals(404, call(HttpRequest.newBuilder(uri(BUNDLES + "/" + id)).DELETE()).statusCode());
    }

    @Test
    public void badUploadsAreRefusedWithAMessageAndInstallNothing() throws IOException {
        signIn();
        Path dir = Files.createTempDirectory("console-it");
        int before = context.getBundles().length;

        assertRefused(upload(ConsoleFixtures.notAJar(dir)), 400, "not a jar");
        assertRefused(upload(ConsoleFixtures.plainJar(dir)), 400, "No OSGi manifest");
        assertRefused(upload(ConsoleFixtures.oversized(dir, 1)), 413, "upload limit of 1 MB");
        assertRefused(upload(fixture("org.rapport.itest.hello.jar"), "text/plain"), 415, "application/java-archive");
        assertRefused(call(HttpRequest.newBuilder(uri(BUNDLES)).header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.noBody())), 400, "empty");

        assertEquals("nothing installed", before, context.getBundles().length);
        assertEquals("nothing left in deploy/", 0, deployedJars());
        try (Stream<Path> files = Files.list(dataDir())) {
            assertEquals("no temporary upload left", 0, files.filter(p -> p.getFileName().toString().startsWith(".upload-")).count());
        }

        long consoleId = idOf("org.rapport.console");
        assertRefused(post(BUNDLES + "/0/stop"), 409, "Refusing to stop");
        assertRefused(post(BUNDLES + "/" + consoleId + "/stop"), 409, "Refusing to stop");
        assertRefused(call(HttpRequest.newBuilder(uri(BUNDLES + "/" + idOf("org.rapport.security"))).DELETE()), 409, "Refusing to uninstall");
        assertRefused(post(BUNDLES + "/abc/stop"), 400, "not a bundle id");
        assertRefused(post(BUNDLES + "/99999/start"), 404, "No bundle");
        assertEquals(Bundle.ACTIVE, context.getBundle(consoleId).getState());
    }

    private long idOf(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b.getBundleId();
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String messagePart) {
        assertEquals(response.body(), status, response.statusCode());
        String message = json(response).path("message").asText();
        assertTrue("message '" + message + "' mentions '" + messagePart + "'", message.toLowerCase().contains(messagePart.toLowerCase()));
    }

    @Test
    public void pagesFollowAPageContributingBundle() throws IOException {
        signIn();
        assertTrue(navHas("bundles"));
        assertTrue(navHas("dashboard"));
        assertFalse(navHas(ConsoleFixtures.PAGE_ID));

        HttpResponse<String> installed = upload(ConsoleFixtures.pageBundle(Files.createTempDirectory("console-it")));
        assertEquals(installed.body(), 201, installed.statusCode());
        long id = json(installed).path("id").asLong();
        assertTrue("page listed once its bundle is active", navHas(ConsoleFixtures.PAGE_ID));
        HttpResponse<String> module = get("/itest-page/page.js");
        assertEquals("the bundle serves its module", 200, module.statusCode());
        assertTrue(module.body().contains("export function render"));

        post(BUNDLES + "/" + id + "/stop");
        assertFalse("page gone when stopped", navHas(ConsoleFixtures.PAGE_ID));
        post(BUNDLES + "/" + id + "/start");
        assertTrue("page back when started", navHas(ConsoleFixtures.PAGE_ID));
        call(HttpRequest.newBuilder(uri(BUNDLES + "/" + id)).DELETE());
        assertFalse("page gone when uninstalled", navHas(ConsoleFixtures.PAGE_ID));
        assertEquals(401, get("/api/v1/console/pages").statusCode());
    }

    @Test
    public void configurationFormAndSave() throws IOException {
        signIn();
        HttpResponse<String> list = getAs("/api/v1/system/config");
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), list.body().contains("\"org.rapport.console.bundles\""));

        String pid = "/api/v1/system/config/org.rapport.console.bundles";
        JsonNode form = json(getAs(pid));
        assertEquals(2, form.path("attributes").size());
        assertEquals("integer", form.path("attributes").get(0).path("type").asText());
        assertEquals("current value from ConfigAdmin", 1, form.path("values").path("maxUploadMegabytes").asInt());

        HttpResponse<String> invalid = call(HttpRequest.newBuilder(uri(pid)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"values\":{\"maxUploadMegabytes\":\"lots\",\"bogus\":1}}")));
        assertEquals(invalid.body(), 400, invalid.statusCode());
        assertEquals("must be a number", json(invalid).path("fields").path("maxUploadMegabytes").asText());
        assertEquals("unknown setting", json(invalid).path("fields").path("bogus").asText());

        HttpResponse<String> saved = call(HttpRequest.newBuilder(uri(pid)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"values\":{\"maxUploadMegabytes\":1,\"startTimeoutSeconds\":\"25\"}}")));
        assertEquals(saved.body(), 200, saved.statusCode());
        String file = Files.readString(dataDir().resolve("config/org.rapport.console.bundles.cfg.json"), StandardCharsets.UTF_8);
        assertTrue(file, file.contains("\"maxUploadMegabytes\" : 1") && file.contains("\"startTimeoutSeconds\" : 25"));
        await("applied live", TIMEOUT, () -> json(getAs(pid)).path("values").path("startTimeoutSeconds").asInt() == 25);

        assertEquals(404, getAs("/api/v1/system/config/no.such.pid").statusCode());
        assertEquals(400, getAs("/api/v1/system/config/bad%20pid").statusCode());
    }
}
