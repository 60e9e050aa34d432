package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** The distribution boots in Felix: every Rapport bundle active, /health UP, /metrics answering. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServerIT extends RapportTestSupport {

    @Configuration
    public Option[] config() {
        return rapport();
    }

    @Test
    public void healthIsUpWithEveryRapportBundleActive() {
        JsonNode health = awaitHealthUp();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().startsWith("org.rapport.")) {
                assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
            }
        }
        assertTrue("health lists bundles: " + health, health.path("bundles").size() >= 5);
        assertTrue("health lists components: " + health, health.path("components").size() >= 5);
        assertEquals("no problems: " + health.path("problems"), 0, health.path("problems").size());
        assertEquals("UP", health.path("checks").path("config").path("status").asText());
        assertEquals("UP", health.path("checks").path("store").path("status").asText());
        assertEquals("UP", health.path("checks").path("deploy").path("status").asText());
    }

    @Test
    public void metricsAnswerInPrometheusFormat() {
        awaitHealthUp();
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(metrics.body(), metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue(metrics.body(), metrics.body().contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}"));
    }

    @Test
    public void healthRejectsOtherMethodsWithJson() {
        awaitHealthUp();
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri("/health"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, response.statusCode());
        assertEquals("method_not_allowed", json(response).path("error").asText());
    }
}
