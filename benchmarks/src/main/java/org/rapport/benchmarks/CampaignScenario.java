package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code campaign}: N contacts imported through the product, one care email campaign over all of them
 * launched through REST, timed from the launch until the local SMTP sink ({@link SmtpSink}, in this
 * JVM) has received every message — segment materialised, each message rendered (Pebble), checked by
 * the compliance gate, written to the durable outbox through the Messenger, and sent by the email
 * channel over SMTP. Against, in the same run: a raw Jakarta Mail send loop (one connection, messages
 * of the same size) to the same sink. Lost and duplicated are counted at the sink by Message-ID and
 * recipient. The hand-over rate (launch until every recipient is in the outbox) is reported beside
 * it. The background scoring of the imported clients is awaited before the launch (capped by
 * {@code RAPPORT_BENCH_SCORING_CAP_S}), so the run is measured on its own.
 */
public final class CampaignScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(60);

    private final Path dist;
    private final Path logs;
    private final long recipients;
    private final Path profiles;

    /**
     * @param profiles where to write the profile summary ({@code --profile}), or null for none
     */
    public CampaignScenario(Path dist, Path logs, long recipients, Path profiles) {
        this.dist = dist;
        this.logs = logs;
        this.recipients = recipients;
        this.profiles = profiles;
    }

    /** An IANA zone where the local hour is now {@code hour}, so quiet hours do not defer the run. */
    static String zoneAt(int hour) {
        int utc = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int h = Math.floorMod(hour - utc, 24);
        if (h > 14) {
            h -= 24;
        }
        return h == 0 ? "Etc/UTC" : h > 0 ? "Etc/GMT-" + h : "Etc/GMT+" + (-h);
    }

    public void run(Result result) throws Exception {
        Path work = Files.createTempDirectory("rapport-bench-campaign-");
        try (SmtpSink sink = new SmtpSink()) {
            RawSendLoop raw = new RawSendLoop(sink.port());
            raw.send(Math.min(recipients, 2_000)); // warm-up: JIT, the sink's threads
            sink.reset();
            double rawSeconds = raw.send(recipients);
            double rawRate = recipients / rawSeconds;
            System.out.printf("raw Jakarta Mail loop: %d messages in %.2f s = %.0f msgs/s (sink got %d)%n", recipients, rawSeconds, rawRate,
                    sink.messages());
            result.put("raw_msgs_per_s", rawRate);
            sink.reset();
            Path csv = work.resolve("contacts.csv");
            String zone = zoneAt(12);
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("company name,contact name,email,preferred channel,language,time zone,tags\n");
                for (long i = 0; i < recipients; i++) {
                    out.write("Campaign Bench Co " + i + ",Person " + i + ",person" + i + "@bench.example.com,email," + (i % 2 == 0 ? "zh" : "en")
                            + "," + zone + ",bench-campaign\n");
                }
            }
            Path data = work.resolve("data");
            Files.createDirectories(data.resolve("config"));
            Files.writeString(data.resolve("config/org.rapport.compliance.cfg.json"),
                    "{\"defaultGranted\": [\"service\", \"care\"], \"frequencyCaps\": [\"care=10/30d\"]}");
            Files.writeString(data.resolve("config/org.rapport.campaigns.cfg.json"), "{\"tickMillis\": 50, \"batchSize\": 500}");
            // the operator's sending limit for email (default 200/s, a typical relay's): the local sink takes anything
            Files.writeString(data.resolve("config/org.rapport.conversations.cfg.json"), "{\"rateLimits\": [\"email=100000\"], \"dispatcherThreads\": " + System.getenv().getOrDefault("RAPPORT_BENCH_SENDERS", "4") + "}");
            Files.writeString(data.resolve("config/org.rapport.channel.email.mailbox~bench.cfg.json"), """
                    {"channel.account": "care", "address": "care@bench.example.com", "smtpHost": "127.0.0.1", "smtpPort": %d,
                     "smtpSecurity": "none", "receive": false}
                    """.formatted(sink.port()));
            try (ProductImport product = ProductImport.start(dist, data, logs.resolve("campaign.log"))) {
                ProductImport.Timing imported = product.importCsv(csv);
                long contacts = imported.job().path("counts").path("imported").asLong(0);
                System.out.printf("imported %d contacts in %.1f s%n", contacts, imported.totalSeconds());
                result.check(contacts == recipients, "imported " + contacts + " of " + recipients);
                // the accounts bundle scores the new clients in the background: let it finish, so the run is measured alone
                ProductImport.Scoring scoring = product.awaitScored(Duration.ofSeconds(5), ImportScenario.scoringCap());
                System.out.printf("background scoring settled after %.0f s%n", scoring.waitedSeconds());
                Api api = product.api();
                String campaign = JSON.createObjectNode().put("name", "Benchmark care").put("channel", "email").put("purpose", "care")
                        .put("rateLimit", 10_000)
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("segment", JSON.createObjectNode().put("field", "tag").put("op", "has")
                                .put("value", "bench-campaign"))
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("templates", JSON.createObjectNode()
                                .<com.fasterxml.jackson.databind.node.ObjectNode>set("zh", JSON.createObjectNode()
                                        .put("subject", "{{ client.name }}：季度关怀").put("body", "尊敬的{{ contact.name }}：感谢{{ client.name }}的信任。"
                                                + "{{ manager.name }} 退订：{{ unsubscribeUrl }}"))
                                .<com.fasterxml.jackson.databind.node.ObjectNode>set("en", JSON.createObjectNode()
                                        .put("subject", "Quarterly care for {{ client.name }}").put("body", "Dear {{ contact.name }}, thank you, "
                                                + "{{ client.name }}. {{ manager.name }} Unsubscribe: {{ unsubscribeUrl }}")))
                        .toString();
                HttpResponse<String> created = api.postJson("/api/v1/campaigns", campaign, Duration.ofSeconds(30));
                if (created.statusCode() != 201) {
                    throw new IOException("POST /api/v1/campaigns answered " + created.statusCode() + ": " + Api.abbreviate(created.body()));
                }
                long id = Api.parse(created.body()).path("id").asLong();
                StackSampler sampler = profiles == null ? null : StackSampler.attach(product.server().pid(), 50);
                StackSampler.Mark before = sampler == null ? null : sampler.mark();
                long start = System.nanoTime();
                HttpResponse<String> launched = api.postJson("/api/v1/campaigns/" + id + "/launch", "{}", Duration.ofMinutes(10));
                double launchSeconds = (System.nanoTime() - start) / 1e9;
                if (launched.statusCode() != 200) {
                    throw new IOException("launch answered " + launched.statusCode() + ": " + Api.abbreviate(launched.body()));
                }
                long targeted = Api.parse(launched.body()).path("targeted").asLong();
                System.out.printf("launched: %d recipients materialised in %.2f s%n", targeted, launchSeconds);
                JsonNode stats;
                long deadline = start + RUN_TIMEOUT.toNanos();
                long lastReport = System.nanoTime();
                while (true) {
                    stats = api.get("/api/v1/campaigns/" + id + "/stats", Duration.ofSeconds(60));
                    if (stats.path("state").asText().equals("completed") || System.nanoTime() > deadline) {
                        break;
                    }
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        System.out.printf("  %d of %d still pending%n", stats.path("pending").asLong(), targeted);
                        lastReport = System.nanoTime();
                    }
                    Server.sleep(500); // the stats are an aggregate over the run's recipients: not too often
                }
                double handOverSeconds = (System.nanoTime() - start) / 1e9;
                long skipped = stats.path("skipped").asLong();
                long handedOver = targeted - skipped - stats.path("pending").asLong();
                System.out.printf("handed over: %s in %.2f s = %.0f msgs/s into the outbox; stats %s%n", stats.path("state").asText(),
                        handOverSeconds, targeted / handOverSeconds, stats);
                // then until the sink holds every message (or nothing arrives for a minute)
                long last = -1;
                long lastChange = System.nanoTime();
                while (sink.messages() - sink.duplicates() < handedOver && System.nanoTime() < deadline
                        && System.nanoTime() - lastChange < 60_000_000_000L) {
                    long now = sink.messages();
                    if (now != last) {
                        last = now;
                        lastChange = System.nanoTime();
                    }
                    Server.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long unique = sink.messages() - sink.duplicates();
                double rate = unique / seconds;
                System.out.printf("product: %d of %d messages at the SMTP sink in %.2f s = %.0f msgs/s (ratio %.2f); duplicated %d%n", unique,
                        handedOver, seconds, rate, rate / rawRate, sink.duplicates());
                if (sampler != null) {
                    String report = sampler.report("campaign, launch → every message at the SMTP sink", before, sampler.mark(), 40);
                    sampler.close();
                    Files.createDirectories(profiles);
                    Files.writeString(profiles.resolve("campaign-profile.txt"), report);
                    System.out.println(report);
                }
                result.put("recipients", targeted).put("msgs_per_s", rate).put("ratio", rate / rawRate).put("run_s", seconds)
                        .put("handover_msgs_per_s", targeted / handOverSeconds).put("launch_s", launchSeconds).put("skipped", skipped)
                        .put("lost", Math.max(0, handedOver - unique)).put("duplicated", sink.duplicates())
                        .put("rss_mb", product.server().rssMb());
                result.check(stats.path("state").asText().equals("completed"), "the run did not complete within " + RUN_TIMEOUT.toMinutes() + " min");
                result.check(targeted == recipients, "targeted " + targeted + " of " + recipients);
                result.check(skipped == 0, "skipped: " + stats.path("skippedBy"));
                result.check(unique == handedOver, "the sink got " + unique + " of " + handedOver + " messages");
                result.check(sink.duplicates() == 0, sink.duplicates() + " messages arrived twice");
            }
        } finally {
            Fs.deleteQuietly(work);
        }
    }
}
