package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/** A database that cannot be reached makes /health DOWN (503) with the reason, and the server still answers. */
@RunWith(PaxExam.class)
public class DatabaseUnreachableIT extends RapportTestSupport {

    @Configuration
    public Option[] config() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere?connectTimeout=1";
        return rapport(data -> Files.writeString(data.resolve("config/org.rapport.store.cfg.json"),
                "{\"type\": \"postgresql\", \"url\": \"" + url + "\", \"user\": \"postgres\"}"));
    }

    @Test
    public void healthIsDownWithTheReason() {
        await("/health answers", TIMEOUT, () -> get("/health").statusCode() == 503);
        JsonNode health = json(get("/health"));
        assertEquals("DOWN", health.path("status").asText());
        assertEquals("DOWN", health.path("checks").path("store").path("status").asText());
        assertTrue(health.toString(), health.path("checks").path("store").path("message").asText().contains("no database connection"));
        assertEquals("the rest keeps serving", 200, get("/metrics").statusCode());
    }
}
