package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * A configuration file in {@code DATA/config/} reaches a running component without restart,
 * overriding the distribution's defaults; a malformed file is reported and the last good
 * configuration stays in force.
 */
@RunWith(PaxExam.class)
public class LiveConfigIT extends RapportTestSupport {

    @Configuration
    public Option[] config() {
        return rapport(data -> HotDeployIT.copyAtomically(Path.of(System.getProperty("rapport.fixtures"), "org.rapport.itest.hello.jar"),
                data.resolve("deploy/hello.jar")));
    }

    @Test
    public void configurationChangesReachTheComponentLive() throws IOException {
        awaitHealthUp();
        await("/hello deployed", TIMEOUT, () -> get("/hello").statusCode() == 200);
        assertEquals("hello", greeting());

        Path file = dataDir().resolve("config/org.rapport.itest.hello.cfg.json");
        write(file, "{\"greeting\": \"你好, live\"}");
        await("new greeting", TIMEOUT, () -> "你好, live".equals(greeting()));

        write(file, "{\"greeting\": \"broken\",");
        await("/health reports the malformed file", TIMEOUT, () -> {
            JsonNode config = json(get("/health")).path("checks").path("config");
            return config.path("status").asText().equals("DEGRADED") && config.toString().contains("malformed JSON");
        });
        assertEquals("the last good configuration stays in force", "你好, live", greeting());
        assertEquals("UP", json(get("/health")).path("status").asText());

        write(file, "greeting = properties win too\n".replace("properties", "plain"));
        Files.move(file, file.resolveSibling("org.rapport.itest.hello.cfg"));
        await("a .cfg file works as well", TIMEOUT, () -> "plain win too".equals(greeting()));
        await("config check UP again", TIMEOUT,
                () -> json(get("/health")).path("checks").path("config").path("status").asText().equals("UP"));

        Files.delete(file.resolveSibling("org.rapport.itest.hello.cfg"));
        await("back to the default once the file is gone", TIMEOUT, () -> "hello".equals(greeting()));
    }

    private String greeting() {
        var response = get("/hello");
        assertTrue("HTTP " + response.statusCode(), response.statusCode() == 200);
        return json(response).path("greeting").asText();
    }

    /** Writes through a temporary file so the watcher never sees half a file. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent().getParent(), "cfg", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
