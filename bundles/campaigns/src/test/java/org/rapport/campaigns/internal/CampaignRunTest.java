package org.rapport.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.CampaignStateException;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rendered;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Schedule;
import org.rapport.campaigns.Template;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;
import org.rapport.testing.TestDb;

/** Campaign runs: materialised recipients, each messaged at most once (also across a crash), the gate's answers, pause / resume / cancel, schedules, two dispatchers sharing a run. */
class CampaignRunTest {
    private static final Map<String, Template> TEMPLATES = Map.of(
            "zh", new Template("{{ contact.name }}，您好", "尊敬的{{ contact.name }}：{{ client.name }}感谢您的支持。"),
            "en", new Template("Hello {{ contact.name }}", "Dear {{ contact.name }}, thank you from {{ manager.name }}."));

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private static CampaignInput input(Rule rule, Schedule schedule, Integer rate) {
        return new CampaignInput("Quarterly care", rule, null, "email", "care", TEMPLATES, List.of(), schedule, rate);
    }

    /** Ticks until no run is running (the rate limit spaces batches in real time), at most 20 s. */
    private static void drain(TestWorld w, RunDispatcher dispatcher) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            dispatcher.tick();
            if (w.db.jdbi().withHandle(h -> w.service.repository().runningRuns(h)).isEmpty()) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the run did not finish");
    }

    private static RunDispatcher dispatcher(TestWorld w, int batch) {
        return new RunDispatcher(w.db.store(), w.messenger, w.renderer, w.service, new Settings(500, batch, 50, 30));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachRecipientOnceWithTheGatesAnswersRecorded(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            w.messenger.answers.put(w.smith.id(), new String[] {"blocked", "opted_out"});
            w.messenger.answers.put(w.li.id(), new String[] {"deferred", "quiet_hours"});
            Campaign c = w.service.create(input(Rule.all(), null, 1000), TestWorld.ADMIN);
            assertEquals("draft", c.status());
            CampaignStats launched = w.service.launch(c.id(), TestWorld.ADMIN);
            assertEquals(3, launched.targeted());
            assertEquals(3, launched.pending());
            drain(w, dispatcher(w, 2));

            assertEquals(1, w.messenger.perContact.get(w.zhang.id()).get());
            assertEquals(1, w.messenger.perContact.get(w.li.id()).get());
            assertNull(w.messenger.perContact.get(w.smith.id()));
            var zhang = w.messenger.sent.get(CampaignKeys.of(c.id(), 1, w.zhang.id()));
            assertEquals("张伟，您好", zhang.subject());
            assertEquals("尊敬的张伟：Acme Trading感谢您的支持。", zhang.text());
            assertEquals("care", zhang.purpose());
            assertEquals("email", zhang.channel());

            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals("completed", stats.state());
            assertEquals(3, stats.targeted());
            assertEquals(1, stats.skipped());
            assertEquals(Map.of("opted_out", 1L), stats.skippedBy());
            assertEquals(1, stats.deferred());
            assertEquals(0, stats.pending());
            assertEquals("completed", w.service.campaign(c.id()).orElseThrow().status());

            List<Recipient> recipients = w.service.recipients(c.id(), 1, 1, 10);
            assertEquals(List.of("queued", "skipped", "deferred"), recipients.stream().map(Recipient::state).toList());
            assertEquals("quiet_hours", recipients.get(2).reasonCode());

            // delivery reports and replies / opt-outs come in as events
            ResultsListener results = new ResultsListener(w.db.store(), Settings.defaults(), w.clock);
            results.status(CampaignKeys.of(c.id(), 1, w.zhang.id()), "delivered");
            results.status(CampaignKeys.of(c.id(), 1, w.zhang.id()), "sent");
            results.status(CampaignKeys.of(c.id(), 1, w.li.id()), "failed");
            results.status("survey:1:contact:2", "sent");
            results.contact(w.zhang.id(), "replied");
            results.contact(w.li.id(), "opted_out");
            stats = w.service.stats(c.id(), 0);
            assertEquals(1, stats.sent());
            assertEquals(1, stats.delivered());
            assertEquals(1, stats.failed());
            assertEquals(1, stats.replied());
            assertEquals(1, stats.optedOut());

            // a second run messages again, under new keys
            w.service.launch(c.id(), TestWorld.ADMIN);
            drain(w, dispatcher(w, 10));
            assertEquals(2, w.messenger.perContact.get(w.zhang.id()).get());
            assertEquals(2, w.service.stats(c.id(), 0).run());

            // a busy run's statuses are recorded in batches: in any order, each only moves forward
            int changed = w.db.store().inTransaction(tx -> Deliveries.recordAll(new CampaignRepository(), tx.handle(), List.of(
                    new Deliveries.Status(CampaignKeys.of(c.id(), 2, w.zhang.id()), "delivered"),
                    new Deliveries.Status(CampaignKeys.of(c.id(), 2, w.zhang.id()), "sent"),
                    new Deliveries.Status(CampaignKeys.of(c.id(), 2, w.li.id()), "failed"),
                    new Deliveries.Status(CampaignKeys.of(c.id(), 2, w.li.id()), "sent"),
                    new Deliveries.Status(CampaignKeys.of(c.id(), 9, w.li.id()), "sent"),
                    new Deliveries.Status("survey:1:contact:2", "sent"),
                    new Deliveries.Status(CampaignKeys.of(c.id(), 2, w.zhang.id()), "queued")), w.clock.instant()));
            stats = w.service.stats(c.id(), 0);
            assertEquals(2, stats.run());
            assertEquals(1, stats.delivered());
            assertEquals(1, stats.sent());
            assertEquals(1, stats.failed());
            assertEquals(2, changed, "zhang: delivered, li: failed (the furthest status of each, once)");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCrashAfterTheMessengerCommittedSendsNobodyTwice(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(input(Rule.all(), null, 1000), TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w, 2);
            w.messenger.crashAfterNextBatch();
            assertThrows(IllegalStateException.class, d::tick);
            assertEquals(3, w.service.stats(c.id(), 0).pending(), "the claim rolled back");
            drain(w, d);
            w.messenger.perContact.values().forEach(n -> assertEquals(1, n.get()));
            assertEquals(3, w.messenger.sent.size());
            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals(0, stats.pending());
            assertEquals("completed", stats.state());
            assertTrue(w.service.recipients(c.id(), 0, 1, 10).stream().anyMatch(r -> "duplicate".equals(r.reasonCode())));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pauseResumeCancel(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(input(Rule.all(), null, 10_000), TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            assertThrows(CampaignStateException.class, () -> w.service.launch(c.id(), TestWorld.ADMIN));
            assertThrows(CampaignStateException.class, () -> w.service.update(c.id(), input(Rule.all(), null, 5), TestWorld.ADMIN));
            RunDispatcher d = dispatcher(w, 1);
            assertEquals(1, d.tick());
            assertEquals("paused", w.service.pause(c.id()).state());
            assertEquals(0, d.tick());
            assertEquals(1, w.messenger.sent.size());
            assertThrows(CampaignStateException.class, () -> w.service.pause(c.id()));
            assertEquals("running", w.service.resume(c.id()).state());
            assertEquals(1, d.tick());
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.zhang.id()), "sent"); // the outbox sent the first one
            CampaignStats cancelled = w.service.cancel(c.id());
            assertEquals("cancelled", cancelled.state());
            assertEquals(0, cancelled.pending());
            assertEquals(0, d.tick());
            assertEquals(2, w.messenger.sent.size());
            // the one not handed over yet is cancelled, the one still in the outbox withdrawn, the one sent stays sent
            assertEquals(List.of("queued", "cancelled:withdrawn", "cancelled:cancelled"), w.service.recipients(c.id(), 0, 1, 10).stream()
                    .map(r -> r.state() + (r.reasonCode() == null ? "" : ":" + r.reasonCode())).toList());
            assertEquals(List.of(CampaignKeys.of(c.id(), 1, w.zhang.id())), w.messenger.delivered());
            assertEquals("cancelled", w.service.campaign(c.id()).orElseThrow().status());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void emptySegmentLaunchesNothingAndSchedulesStartWhenDue(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign nobody = w.service.create(input(Rule.of("tier", "eq", "prospect"), null, null), TestWorld.ADMIN);
            CampaignStateException e = assertThrows(CampaignStateException.class, () -> w.service.launch(nobody.id(), TestWorld.ADMIN));
            assertEquals("empty_segment", e.code());
            assertEquals(0, w.service.campaign(nobody.id()).orElseThrow().runs());
            assertEquals(0, w.service.stats(nobody.id(), 0).run());

            Campaign later = w.service.create(input(Rule.of("language", "eq", "en"), new Schedule("once", TestWorld.NOW.plusSeconds(60)), null),
                    TestWorld.ADMIN);
            Campaign due = w.service.create(input(Rule.of("language", "eq", "zh"), new Schedule("once", TestWorld.NOW.minusSeconds(1)), null),
                    TestWorld.ADMIN);
            assertEquals("scheduled", due.status());
            drain(w, dispatcher(w, 10));
            assertEquals("completed", w.service.campaign(due.id()).orElseThrow().status());
            assertEquals(2, w.service.stats(due.id(), 0).targeted());
            assertEquals("scheduled", w.service.campaign(later.id()).orElseThrow().status());
            assertEquals(2, w.messenger.sent.size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRecurringCampaignRunsAtEachFireTimeAndIsScheduledAgain(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            // NOW is 16:00 in Shanghai: the next 09:00 there is 2026-12-06T01:00Z
            Campaign c = w.service.create(input(Rule.of("language", "eq", "en"), Schedule.cron("0 0 9 * * ?", "Asia/Shanghai"), null),
                    TestWorld.ADMIN);
            assertEquals("scheduled", c.status());
            dispatcher(w, 10).tick();
            assertEquals(0, w.service.campaign(c.id()).orElseThrow().runs(), "not due yet");

            Instant fire = Instant.parse("2026-12-06T01:00:30Z");
            CampaignService later = new CampaignService(w.db.store(), w.messenger, w.renderer, Settings.defaults(),
                    java.time.Clock.fixed(fire, java.time.ZoneOffset.UTC), () -> true);
            drain(w, new RunDispatcher(w.db.store(), w.messenger, w.renderer, later, Settings.defaults()));
            Campaign after = later.campaign(c.id()).orElseThrow();
            assertEquals(1, after.runs());
            assertEquals("scheduled", after.status(), "scheduled again for the next fire time");
            assertEquals(1, w.messenger.sent.size());
            assertEquals(1, later.stats(c.id(), 0).targeted());
            new RunDispatcher(w.db.store(), w.messenger, w.renderer, later, Settings.defaults()).tick();
            assertEquals(1, later.campaign(c.id()).orElseThrow().runs(), "the next fire time is tomorrow");

            Map<String, String> fields = assertThrows(InvalidCampaignException.class, () -> w.service.create(input(Rule.all(),
                    Schedule.cron("every quarter", null), null), TestWorld.ADMIN)).fields();
            assertTrue(fields.get("schedule.cron").startsWith("is not a valid cron expression"), fields.toString());
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.service.create(input(Rule.all(),
                    Schedule.cron("0 0 9 * * ?", "Mars/Olympus"), null), TestWorld.ADMIN)).fields().containsKey("schedule.timeZone"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eventTriggeredCampaignsMessageTheConcernedContactsOnce(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign welcome = w.service.create(input(Rule.of("language", "eq", "en"), Schedule.on("new_client"), 10_000), TestWorld.ADMIN);
            Campaign winBack = w.service.create(input(Rule.all(), Schedule.on("churn_alert"), 10_000), TestWorld.ADMIN);
            assertEquals("draft", welcome.status());
            assertEquals(0, w.service.trigger("new_client", List.of(), w.smith.id()), "not listening before launch");
            CampaignStats listening = w.service.launch(welcome.id(), TestWorld.ADMIN);
            assertEquals(0, listening.targeted());
            assertEquals("running", listening.state());
            w.service.launch(winBack.id(), TestWorld.ADMIN);

            assertEquals(1, w.service.trigger("new_client", List.of(), w.smith.id()));
            assertEquals(0, w.service.trigger("new_client", List.of(), w.smith.id()), "a repeated event adds nobody");
            assertEquals(0, w.service.trigger("new_client", List.of(), w.zhang.id()), "not in the segment");
            assertEquals(0, w.service.trigger("new_client", List.of(w.acme.id(), w.beta.id()), null), "smith is in already, the others speak zh");
            assertEquals(3, w.service.trigger("churn_alert", List.of(w.acme.id(), w.beta.id()), null));
            RunDispatcher d = dispatcher(w, 50);
            for (int i = 0; i < 5; i++) {
                d.tick();
                Thread.sleep(5);
            }
            CampaignStats stats = w.service.stats(welcome.id(), 0);
            assertEquals("running", stats.state(), "still listening");
            assertEquals(1, stats.targeted());
            assertEquals(0, stats.pending());
            assertEquals(1, w.messenger.perContact.get(w.smith.id()).get() - 1, "one welcome and one win-back");
            assertEquals(1, w.messenger.perContact.get(w.zhang.id()).get());
            assertEquals(3, w.service.stats(winBack.id(), 0).targeted());
            assertEquals("cancelled", w.service.cancel(welcome.id()).state());
            assertEquals(0, w.service.trigger("new_client", List.of(w.acme.id()), null));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.service.create(input(Rule.all(), Schedule.on("birthday"), null),
                    TestWorld.ADMIN)).fields().containsKey("schedule.event"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void savedSegmentsAreReusedByCampaigns(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            assertTrue(w.service.segments().isEmpty());
            var saved = w.service.saveSegment(null, " Core clients ", null, Rule.of("tier", "eq", "core"), TestWorld.ADMIN);
            assertEquals("Core clients", saved.name());
            assertEquals(List.of(saved), w.service.segments());
            Campaign c = w.service.create(new CampaignInput("Saved", null, saved.id(), "email", "care", TEMPLATES, List.of(), null, null),
                    TestWorld.ADMIN);
            assertEquals(2, w.service.launch(c.id(), TestWorld.ADMIN).targeted());
            assertEquals("segment_in_use", assertThrows(CampaignStateException.class, () -> w.service.deleteSegment(saved.id())).code());
            var changed = w.service.saveSegment(saved.id(), "Everyone", "all", Rule.all(), TestWorld.ADMIN);
            assertEquals("Everyone", w.service.segment(saved.id()).orElseThrow().name());
            assertEquals(changed.rule(), Rule.all());
            assertThrows(java.util.NoSuchElementException.class, () -> w.service.saveSegment(999L, "x", null, Rule.all(), TestWorld.ADMIN));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.service.saveSegment(null, "", null, Rule.of("x", "eq", 1),
                    TestWorld.ADMIN)).fields().keySet().containsAll(List.of("name", "rule.field")));
            w.service.cancel(c.id());
            w.service.delete(c.id());
            w.service.deleteSegment(saved.id());
            assertTrue(w.service.segments().isEmpty());
            assertTrue(w.service.campaigns().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void invalidCampaignsAreRefusedWhole(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            var bad = new CampaignInput(" ", Rule.of("tier", "eq", "core"), 5L, "fax", "sales",
                    Map.of("en", new Template("Hi {{ contact.nmae }}", "x")), List.of(), new Schedule("once", null), 0);
            Map<String, String> fields = assertThrows(InvalidCampaignException.class, () -> w.service.create(bad, TestWorld.ADMIN)).fields();
            for (String field : List.of("name", "channel", "purpose", "segment", "rateLimit", "schedule.at", "templates.en.subject")) {
                assertTrue(fields.containsKey(field), field + " in " + fields);
            }
            assertTrue(w.service.campaigns().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void previewPicksTheContactsLanguage(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Rendered en = w.service.render(input(Rule.all(), null, null), w.smith.id());
            assertEquals("en", en.language());
            assertEquals("Dear John Smith, thank you from WANG.FANG.", en.body());
            Rendered zh = w.service.render(new CampaignInput("x", Rule.all(), null, "sms", "care",
                    Map.of("en", new Template(null, "Hi {{ contact.name }}")), List.of(), null, null), w.zhang.id());
            assertEquals("en", zh.language(), "the other language when the contact's has no template");
            assertEquals("Hi 张伟", zh.body());
            assertThrows(java.util.NoSuchElementException.class, () -> w.service.render(input(Rule.all(), null, null), 999_999));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoDispatchersShareARunAndMessageEachOnce(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            for (int i = 0; i < 4; i++) {
                var client = w.records.createClient(new ClientInput("Bulk " + i, null, null, null, null, null, List.of("bulk"), "active", null),
                        TestWorld.ADMIN);
                for (int j = 0; j < 30; j++) {
                    w.records.addContact(client.id(), new ContactInput("P" + i + "-" + j, null, List.of("p" + i + "-" + j + "@x.cn"), List.of(),
                            "email", "en", "Asia/Shanghai"), TestWorld.ADMIN);
                }
            }
            Campaign c = w.service.create(input(Rule.of("tag", "has", "bulk"), null, 10_000), TestWorld.ADMIN);
            assertEquals(120, w.service.launch(c.id(), TestWorld.ADMIN).targeted());
            RunDispatcher a = dispatcher(w, 7);
            RunDispatcher b = dispatcher(w, 7);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> work = new ArrayList<>();
                for (RunDispatcher d : List.of(a, b)) {
                    work.add(pool.submit(() -> {
                        int handled = 0;
                        long end = System.nanoTime() + 30_000_000_000L;
                        while (System.nanoTime() < end
                                && !w.db.jdbi().withHandle(h -> w.service.repository().runningRuns(h)).isEmpty()) {
                            handled += d.tick();
                        }
                        return handled;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : work) {
                    total += f.get();
                }
                assertEquals(120, total, "every recipient handled once across both dispatchers");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(120, w.messenger.sent.size());
            w.messenger.perContact.values().forEach(n -> assertEquals(1, n.get()));
            assertEquals("completed", w.service.stats(c.id(), 0).state());
        }
    }

    @SuppressWarnings("unused")
    private static Instant now() {
        return TestWorld.NOW;
    }
}
