package org.rapport.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rapport.metrics.Counter;

class MetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void metersAppearInThePrometheusTextAndGoWithTheirBundle() {
        BundleMetrics metrics = new BundleMetrics(registry);
        Counter sent = metrics.counter("rapport.outbox.sent", "Messages sent", "channel", "email");
        sent.increment();
        sent.increment(2);
        metrics.timer("rapport.bot.answer", "Bot answer time").record(Duration.ofMillis(5));
        metrics.gauge("rapport.outbox.waiting", "Messages waiting", () -> 7);

        String text = registry.scrape();
        assertThat(text).contains("rapport_outbox_sent_total{channel=\"email\"} 3.0", "rapport_bot_answer_seconds_count 1",
                "rapport_outbox_waiting 7.0");
        assertThat(sent.count()).isEqualTo(3.0);

        metrics.removeMeters();
        assertThat(registry.scrape()).doesNotContain("rapport_outbox_sent_total", "rapport_outbox_waiting");
    }

    @Test
    void sameNameAndTagsAreTheSameMeter() {
        BundleMetrics metrics = new BundleMetrics(registry);
        metrics.counter("a.b", "x", "k", "v").increment();
        metrics.counter("a.b", "x", "k", "v").increment();
        assertThat(metrics.counter("a.b", "x", "k", "v").count()).isEqualTo(2.0);
    }

    @Test
    void routesCutVariableSegments() {
        assertThat(Routes.of("/api/v1/clients/42")).isEqualTo("/api/v1/clients");
        assertThat(Routes.of("/api/v1/clients")).isEqualTo("/api/v1/clients");
        assertThat(Routes.of("/health")).isEqualTo("/health");
        assertThat(Routes.of("/chat/widget.js")).isEqualTo("/chat");
        assertThat(Routes.of("/")).isEqualTo("/");
        assertThat(Routes.of("/%3Cscript%3E")).isEqualTo("/other");
    }
}
