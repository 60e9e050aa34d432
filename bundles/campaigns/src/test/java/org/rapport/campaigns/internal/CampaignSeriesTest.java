package org.rapport.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Schedule;
import org.rapport.campaigns.Step;
import org.rapport.campaigns.StepStats;
import org.rapport.campaigns.Template;
import org.rapport.testing.TestDb;

/**
 * Series (follow-up steps with delays) on a clock the test moves: each step waits for its delay after the previous one was handed
 * over, goes through the Messenger under its own key, is never sent twice (also across a crash after the Messenger's commit), and
 * stops for recipients who were skipped, opted out or replied; pause holds the steps, cancel stops them.
 */
class CampaignSeriesTest {
    private static final Map<String, Template> GREETING = Map.of(
            "zh", new Template("欢迎", "欢迎{{ contact.name }}"),
            "en", new Template("Welcome", "Welcome {{ contact.name }}"));
    private static final List<Step> STEPS = List.of(
            new Step("P3D", Map.of("zh", new Template("第二封", "{{ contact.name }}，三天后"), "en", new Template("Day 3",
                    "{{ contact.name }}, three days on"))),
            new Step("P7D", Map.of("en", new Template("Day 10", "{{ contact.name }}, ten days on"))));

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private static CampaignInput series(Rule rule, Schedule schedule, List<Step> steps) {
        return new CampaignInput("Welcome series", rule, null, "email", "care", GREETING, List.of(), schedule, 10_000, steps);
    }

    private static RunDispatcher dispatcher(TestWorld w) {
        return new RunDispatcher(w.db.store(), w.messenger, w.renderer, w.service, new Settings(500, 50, 50, 30));
    }

    /** Ticks until two ticks in a row (past the rate limit's spacing) handle nobody; returns how many were handled. */
    private static int work(RunDispatcher d) throws InterruptedException {
        int handled = 0;
        int idle = 0;
        for (int i = 0; i < 200 && idle < 2; i++) {
            int n = d.tick();
            handled += n;
            idle = n == 0 ? idle + 1 : 0;
            Thread.sleep(10);
        }
        return handled;
    }

    private static String key(Campaign c, long contactId, int step) {
        return CampaignKeys.of(c.id(), 1, contactId, step);
    }

    private static StepStats step(CampaignStats stats, int step) {
        return stats.steps().get(step);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStepIsSentAfterItsDelayAndNotBefore(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(series(Rule.all(), null, STEPS), TestWorld.ADMIN);
            assertEquals(STEPS, c.steps());
            assertEquals(STEPS, w.service.campaign(c.id()).orElseThrow().steps(), "stored and read back");
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w);
            assertEquals(3, work(d));
            assertEquals(3, w.messenger.sent.size());
            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals("running", stats.state(), "open while steps are pending");
            assertEquals(3, stats.steps().size());
            assertEquals(3, step(stats, 0).queued());
            assertEquals(3, step(stats, 1).pending());
            assertEquals(TestWorld.NOW.plus(Duration.ofDays(3)), step(stats, 1).nextDueAt());
            assertEquals(0, step(stats, 2).pending());

            w.clock.advance(Duration.ofDays(3).minusSeconds(1));
            assertEquals(0, work(d), "not before its delay");
            assertEquals(3, w.messenger.sent.size());

            w.clock.advance(Duration.ofSeconds(1));
            assertEquals(3, work(d));
            assertEquals(6, w.messenger.sent.size());
            var zhang = w.messenger.sent.get(key(c, w.zhang.id(), 1));
            assertEquals("张伟，三天后", zhang.text());
            assertEquals("第二封", zhang.subject());
            assertEquals("John Smith, three days on", w.messenger.sent.get(key(c, w.smith.id(), 1)).text());
            assertTrue(w.messenger.sent.get(key(c, w.zhang.id(), 0)).key().endsWith(":contact:" + w.zhang.id()), "step 0 keeps its key");
            stats = w.service.stats(c.id(), 0);
            assertEquals(3, step(stats, 1).queued());
            assertEquals(3, step(stats, 2).pending());
            assertEquals(w.clock.instant().plus(Duration.ofDays(7)), step(stats, 2).nextDueAt(), "counted from step 1's hand-over");

            w.clock.advance(Duration.ofDays(6));
            assertEquals(0, work(d));
            w.clock.advance(Duration.ofDays(1));
            assertEquals(3, work(d));
            assertEquals("张伟, ten days on", w.messenger.sent.get(key(c, w.zhang.id(), 2)).text(),
                    "the other language when the step has none in the contact's");
            w.messenger.perContact.values().forEach(n -> assertEquals(3, n.get()));

            // delivery reports of a step's key count for that step; the top level stays per recipient (step 0)
            ResultsListener results = new ResultsListener(w.db.store(), Settings.defaults(), w.clock);
            results.status(key(c, w.smith.id(), 2), "delivered");
            results.status(key(c, w.smith.id(), 1), "failed");
            stats = w.service.stats(c.id(), 0);
            assertEquals("completed", stats.state());
            assertEquals(3, stats.targeted());
            assertEquals(0, stats.delivered());
            assertEquals(0, stats.failed());
            assertEquals(1, step(stats, 2).delivered());
            assertEquals(1, step(stats, 1).failed());
            assertEquals("completed", w.service.campaign(c.id()).orElseThrow().status());

            List<Recipient> recipients = w.service.recipients(c.id(), 0, 1, 10);
            assertEquals(List.of(2, 2, 2), recipients.stream().map(Recipient::step).toList());
            assertEquals(List.of("queued", "queued", "queued"), recipients.stream().map(Recipient::state).toList());
            assertEquals("queued", recipients.get(0).stepState());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void skippedOptedOutOrRepliedRecipientsGetNoLaterStep(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            var extra = w.records.addContact(w.beta.id(), new org.rapport.records.ContactInput("Wu Lei", "CFO", List.of("wu@beta.cn"),
                    List.of(), "email", "en", "Asia/Shanghai"), TestWorld.ADMIN);
            w.messenger.answers.put(w.smith.id(), new String[] {"blocked", "no_consent"});
            Campaign c = w.service.create(series(Rule.all(), null, STEPS), TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w);
            work(d);
            assertEquals(3, w.messenger.sent.size(), "smith blocked at step 0");

            ResultsListener results = new ResultsListener(w.db.store(), Settings.defaults(), w.clock);
            results.contact(w.li.id(), "opted_out");
            results.contact(w.zhang.id(), "replied");
            w.messenger.answers.put(extra.id(), new String[] {"blocked", "opted_out"}); // the gate says no at step 1
            w.clock.advance(Duration.ofDays(3));
            work(d);
            w.clock.advance(Duration.ofDays(7));
            work(d);

            assertEquals(3, w.messenger.sent.size(), "nobody got a later step");
            w.messenger.perContact.values().forEach(n -> assertEquals(1, n.get()));
            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals("completed", stats.state());
            assertEquals(Map.of("no_consent", 1L), stats.skippedBy());
            assertEquals(Map.of("previous_step_skipped", 1L, "opted_out", 2L, "replied", 1L), step(stats, 1).skippedBy());
            assertEquals(Map.of("previous_step_skipped", 1L), step(stats, 2).skippedBy(), "the gate's no at step 1 ends the series");
            assertEquals(0, step(stats, 1).queued());

            Map<Long, Recipient> byContact = new java.util.HashMap<>();
            w.service.recipients(c.id(), 0, 1, 10).forEach(r -> byContact.put(r.contactId(), r));
            assertEquals("replied", byContact.get(w.zhang.id()).stepReasonCode());
            assertEquals(1, byContact.get(w.zhang.id()).step());
            assertEquals("opted_out", byContact.get(w.li.id()).stepReasonCode());
            assertEquals("previous_step_skipped", byContact.get(w.smith.id()).stepReasonCode());
            assertEquals("skipped", byContact.get(w.smith.id()).state());
            assertEquals(2, byContact.get(extra.id()).step());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCrashAfterTheMessengerCommittedSendsNoStepTwice(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(series(Rule.all(), null, STEPS), TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w);
            work(d);
            w.clock.advance(Duration.ofDays(3));
            w.messenger.crashAfterNextBatch();
            assertThrows(IllegalStateException.class, d::tick);
            assertEquals(6, w.messenger.sent.size(), "the Messenger committed step 1");
            assertEquals(3, step(w.service.stats(c.id(), 0), 1).pending(), "the claim rolled back");
            assertEquals(0, step(w.service.stats(c.id(), 0), 2).pending());
            work(d);
            w.messenger.perContact.values().forEach(n -> assertEquals(2, n.get()));
            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals(3, step(stats, 1).queued());
            assertEquals(3, step(stats, 2).pending(), "the next step follows the duplicate");
            assertTrue(w.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM camp_step_recipient WHERE step = 1 "
                    + "AND reason_code = 'duplicate'").mapTo(Long.class).one()) == 3);

            // two dispatchers (nodes) on the same due step: each message once
            w.clock.advance(Duration.ofDays(7));
            RunDispatcher other = dispatcher(w);
            List<Thread> threads = new ArrayList<>();
            for (RunDispatcher x : List.of(d, other)) {
                Thread t = new Thread(() -> {
                    try {
                        work(x);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join(30_000);
            }
            assertEquals(9, w.messenger.sent.size());
            w.messenger.perContact.values().forEach(n -> assertEquals(3, n.get()));
            assertEquals("completed", w.service.stats(c.id(), 0).state());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pauseHoldsPendingStepsAndCancelStopsThem(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(series(Rule.all(), null, STEPS), TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w);
            work(d);
            assertEquals("paused", w.service.pause(c.id()).state());
            w.clock.advance(Duration.ofDays(4));
            assertEquals(0, work(d), "paused: due steps wait");
            assertEquals(3, w.messenger.sent.size());
            w.service.resume(c.id());
            assertEquals(3, work(d));
            assertEquals(6, w.messenger.sent.size());

            CampaignStats cancelled = w.service.cancel(c.id());
            assertEquals("cancelled", cancelled.state());
            assertEquals(0, step(cancelled, 2).pending());
            assertEquals(3, step(cancelled, 2).cancelled());
            w.clock.advance(Duration.ofDays(30));
            assertEquals(0, work(d));
            assertEquals(6, w.messenger.sent.size());
            assertEquals(List.of("cancelled", "cancelled", "cancelled"),
                    w.service.recipients(c.id(), 0, 1, 10).stream().map(Recipient::stepState).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aWelcomeSeriesFollowsEachNewContactAndKeepsListening(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(series(Rule.of("language", "eq", "en"), Schedule.on("new_client"), STEPS.subList(0, 1)),
                    TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w);
            assertEquals(1, w.service.trigger("new_client", List.of(), w.smith.id()));
            work(d);
            assertEquals("Welcome John Smith", w.messenger.sent.get(key(c, w.smith.id(), 0)).text());
            w.clock.advance(Duration.ofDays(1));
            var late = w.records.addContact(w.beta.id(), new org.rapport.records.ContactInput("Late Comer", null, List.of("late@beta.cn"),
                    List.of(), "email", "en", "Asia/Shanghai"), TestWorld.ADMIN);
            assertEquals(1, w.service.trigger("new_client", List.of(), late.id()));
            work(d);
            w.clock.advance(Duration.ofDays(2));
            work(d);
            assertTrue(w.messenger.sent.containsKey(key(c, w.smith.id(), 1)), "smith's step 1, three days after his greeting");
            assertNull(w.messenger.sent.get(key(c, late.id(), 1)), "the late comer's step 1 is due a day later");
            w.clock.advance(Duration.ofDays(1));
            work(d);
            assertEquals("Late Comer, three days on", w.messenger.sent.get(key(c, late.id(), 1)).text());
            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals("running", stats.state(), "an event campaign keeps listening");
            assertEquals(2, step(stats, 1).queued());
            assertEquals(4, w.messenger.sent.size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aReplyStopsTheSeriesAlsoInARunOpenLongerThanTheAttributionWindow(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = w.service.create(series(Rule.of("language", "eq", "en"), Schedule.on("new_client"), STEPS), TestWorld.ADMIN);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w);
            w.clock.advance(Duration.ofDays(90)); // the welcome run has been listening for three months
            assertEquals(1, w.service.trigger("new_client", List.of(), w.smith.id()));
            work(d);
            new ResultsListener(w.db.store(), Settings.defaults(), w.clock).contact(w.smith.id(), "replied");
            w.clock.advance(Duration.ofDays(3));
            work(d);
            assertEquals(1, w.messenger.sent.size(), "no step after the reply");
            assertEquals(Map.of("replied", 1L), step(w.service.stats(c.id(), 0), 1).skippedBy());
            assertEquals(1, w.service.stats(c.id(), 0).replied());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stepsAreValidatedAndPreviewedLikeTheMainTemplates(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            List<Step> bad = List.of(
                    new Step("P1D", Map.of("en", new Template("Hi", "line one\n{{ contact.nmae }}"))),
                    new Step("PT30S", Map.of("en", new Template("Hi", "ok"))),
                    new Step("soon", Map.of("en", new Template(null, "ok"))),
                    new Step("P400D", Map.of()));
            Map<String, String> fields = assertThrows(InvalidCampaignException.class,
                    () -> w.service.create(series(Rule.all(), null, bad), TestWorld.ADMIN)).fields();
            assertTrue(fields.get("steps[0].templates.en.body").startsWith("line 2: unknown variable"), fields.toString());
            assertEquals("at least 60 seconds", fields.get("steps[1].delay"));
            assertTrue(fields.get("steps[2].delay").startsWith("an ISO-8601 duration"), fields.toString());
            assertTrue(fields.containsKey("steps[2].templates.en.subject"), "an email step needs a subject: " + fields);
            assertEquals("at most 365 days", fields.get("steps[3].delay"));
            assertTrue(fields.containsKey("steps[3].templates"), fields.toString());

            List<Step> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add(STEPS.get(0));
            }
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.service.create(series(Rule.all(), null, eleven),
                    TestWorld.ADMIN)).fields().containsKey("steps"));

            // a shorter minimum (e.g. for tests and demos) is a setting
            CampaignService quick = new CampaignService(w.db.store(), w.messenger, w.renderer, Settings.defaults().withMinStepDelay(1),
                    w.clock, () -> true);
            Campaign c = quick.create(series(Rule.all(), null, List.of(new Step("PT2S", STEPS.get(0).templates()))), TestWorld.ADMIN);
            assertEquals("PT2S", c.steps().get(0).delay());

            assertEquals("John Smith, three days on", w.service.render(series(Rule.all(), null, STEPS), w.smith.id(), 1).body());
            assertEquals("张伟，三天后", w.service.render(c.id(), w.zhang.id(), 1).body());
            assertEquals("欢迎张伟", w.service.render(c.id(), w.zhang.id(), 0).body());
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.service.render(c.id(), w.zhang.id(), 2)).fields()
                    .containsKey("step"));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.service.render(series(Rule.all(), null, null), w.zhang.id(), 1))
                    .fields().containsKey("step"));
        }
    }
}
