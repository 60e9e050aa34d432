package org.rapport.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.CampaignStateException;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Template;
import org.rapport.testing.TestDb;

/**
 * Pause withdraws a run's messages still waiting in the outbox and resume hands them back (nobody twice, nobody lost),
 * cancel withdraws them for good; the reconciliation at start catches up on statuses posted while the bundle was stopped.
 */
class CampaignWithdrawTest {
    private static final Map<String, Template> TEMPLATES = Map.of("zh", new Template("您好", "尊敬的{{ contact.name }}"),
            "en", new Template("Hello", "Dear {{ contact.name }}"));

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private static Campaign campaign(TestWorld w) {
        return w.service.create(new CampaignInput("Care", Rule.all(), null, "email", "care", TEMPLATES, List.of(), null, 10_000),
                TestWorld.ADMIN);
    }

    private static RunDispatcher dispatcher(TestWorld w, int batch) {
        return new RunDispatcher(w.db.store(), w.messenger, w.renderer, w.service, new Settings(500, batch, 50, 30));
    }

    private static Reconciler reconciler(TestWorld w) {
        return new Reconciler(w.db.store(), w.messenger, w.service.repository(), Settings.defaults(), w.clock);
    }

    private static List<String> keys(TestWorld w, Campaign c) {
        return List.of(CampaignKeys.of(c.id(), 1, w.zhang.id()), CampaignKeys.of(c.id(), 1, w.smith.id()), CampaignKeys.of(c.id(), 1, w.li.id()))
                .stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pauseWithdrawsWhatWaitsInTheOutbox_resumeHandsItBack_nobodyTwiceNobodyLost(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            w.messenger.answers.put(w.smith.id(), new String[] {"deferred", "quiet_hours"});
            Campaign c = campaign(w);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w, 2);
            assertEquals(2, d.tick()); // zhang queued, smith deferred by quiet hours

            CampaignStats paused = w.service.pause(c.id());
            assertEquals("paused", paused.state());
            assertEquals(List.of(), w.messenger.delivered(), "both withdrawn from the outbox");
            assertEquals(1, paused.pending());
            assertEquals(0, d.tick());

            assertEquals("running", w.service.resume(c.id()).state());
            assertEquals(2, w.messenger.delivered().size(), "handed back under the same keys");
            assertEquals("queued", w.messenger.status.get(CampaignKeys.of(c.id(), 1, w.smith.id())), "the gate checks it again");
            assertEquals(1, d.tick()); // li
            assertEquals(0, d.tick()); // completes
            assertEquals(keys(w, c), w.messenger.delivered());
            w.messenger.perContact.values().forEach(n -> assertEquals(1, n.get()));
            assertEquals(3, w.messenger.sent.size());
            assertEquals("completed", w.service.stats(c.id(), 0).state());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPauseWhileABatchIsWithTheMessenger_theBatchWithdrawsItsOwn_andResumeHandsThemBack(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = campaign(w);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w, 2);
            // the admin pauses after the batch checked the run but before the Messenger stored its messages: the pause's
            // withdrawal finds nothing of this batch yet
            w.messenger.beforeNextBatch = () -> w.service.pause(c.id());
            assertEquals(2, d.tick());
            assertEquals(List.of(), w.messenger.delivered());
            assertEquals(2, w.service.stats(c.id(), 0).steps().get(0).queued(), "recorded as handed over, held while paused");

            w.service.resume(c.id());
            assertEquals(1, d.tick());
            assertEquals(0, d.tick());
            assertEquals(keys(w, c), w.messenger.delivered());
            w.messenger.perContact.values().forEach(n -> assertEquals(1, n.get()));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void cancelWithdrawsForGood_andCountsThemNotSent(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            w.messenger.answers.put(w.li.id(), new String[] {"deferred", "quiet_hours"});
            Campaign c = campaign(w);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w, 10);
            assertEquals(3, d.tick());
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.zhang.id()), "sent"); // the outbox sent zhang's already
            assertEquals(1, w.service.stats(c.id(), 0).deferred());

            CampaignStats cancelled = w.service.cancel(c.id());
            assertEquals("cancelled", cancelled.state());
            assertEquals(0, cancelled.deferred());
            assertEquals(0, cancelled.pending());
            assertEquals(2, cancelled.steps().get(0).cancelled());
            assertEquals(List.of(CampaignKeys.of(c.id(), 1, w.zhang.id())), w.messenger.delivered());
            List<Recipient> recipients = w.service.recipients(c.id(), 1, 1, 10);
            assertEquals(List.of("queued", "cancelled", "cancelled"), recipients.stream().map(Recipient::state).toList());
            assertEquals("withdrawn", recipients.get(2).reasonCode());
            assertThrows(CampaignStateException.class, () -> w.service.resume(c.id()));
            assertEquals(1, reconciler(w).reconcile(), "zhang's 'sent', not heard as an event");
            assertEquals(1, w.service.stats(c.id(), 0).sent());
            assertEquals(List.of(CampaignKeys.of(c.id(), 1, w.zhang.id())), w.messenger.delivered());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCompletedRunWhoseMessagesWaitForQuietHoursCanStillBeCancelled(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            w.messenger.answers.put(w.li.id(), new String[] {"deferred", "quiet_hours"});
            Campaign c = campaign(w);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w, 10);
            d.tick();
            d.tick();
            assertEquals("completed", w.service.stats(c.id(), 0).state());
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.zhang.id()), "sent");
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.smith.id()), "sent");

            CampaignStats cancelled = w.service.cancel(c.id());
            assertEquals("cancelled", cancelled.state());
            assertEquals(0, cancelled.deferred());
            assertEquals(1, cancelled.steps().get(0).cancelled());
            assertEquals("withdrawn", w.messenger.status.get(CampaignKeys.of(c.id(), 1, w.li.id())));
            assertThrows(CampaignStateException.class, () -> w.service.cancel(c.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void statusesPostedWhileTheBundleWasStoppedAreCaughtUpAtStart(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = campaign(w);
            w.service.launch(c.id(), TestWorld.ADMIN);
            RunDispatcher d = dispatcher(w, 10);
            d.tick();
            d.tick();
            assertEquals("completed", w.service.stats(c.id(), 0).state());
            ResultsListener results = new ResultsListener(w.db.store(), Settings.defaults(), w.clock);
            results.status(CampaignKeys.of(c.id(), 1, w.zhang.id()), "sent"); // heard while running
            // the bundle stops; meanwhile the outbox sends and reports
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.zhang.id()), "delivered");
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.smith.id()), "sent");
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.li.id()), "bounced");
            assertEquals(1, w.service.stats(c.id(), 0).sent());

            assertEquals(3, reconciler(w).reconcile());
            CampaignStats stats = w.service.stats(c.id(), 0);
            assertEquals(2, stats.sent());
            assertEquals(1, stats.delivered());
            assertEquals(1, stats.failed());
            assertEquals(0, reconciler(w).reconcile(), "once caught up, nothing moves");
            w.messenger.status.put(CampaignKeys.of(c.id(), 1, w.zhang.id()), "sent"); // never backwards
            assertEquals(0, reconciler(w).reconcile());
            assertEquals(1, w.service.stats(c.id(), 0).delivered());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPauseOrResumeCutOffBeforeTheMessengerIsCompletedAtStart(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = campaign(w);
            w.service.launch(c.id(), TestWorld.ADMIN);
            dispatcher(w, 2).tick();
            w.service.pause(c.id());
            w.messenger.requeueByPrefix(CampaignKeys.runPrefix(c.id(), 1)); // as if the pause had died before withdrawing
            reconciler(w).reconcile();
            assertEquals(List.of(), w.messenger.delivered());

            w.service.resume(c.id());
            w.messenger.withdrawByPrefix(CampaignKeys.runPrefix(c.id(), 1)); // as if the resume had died before requeueing
            reconciler(w).reconcile();
            assertEquals(2, w.messenger.delivered().size());
        }
    }
}
