package org.rapport.campaigns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Schedule;
import org.rapport.campaigns.Segment;
import org.rapport.campaigns.SegmentMember;
import org.rapport.campaigns.Step;
import org.rapport.campaigns.StepStats;
import org.rapport.campaigns.Template;
import org.rapport.web.Json;

/** SQL for segments, campaigns, runs and recipients (tables {@code camp_*}); every value bound. */
final class CampaignRepository {
    private static final String CAMPAIGN_COLUMNS = "id, name, channel, purpose, segment_id, definition_json, rate_limit, status, "
            + "schedule_at, runs, created_at, updated_at";

    /** What is stored as JSON of a campaign. */
    record Definition(Rule segment, Map<String, Template> templates, List<Long> articleIds, Schedule schedule, List<Step> steps) {}

    // --- segments (the audience) ---

    long count(Handle h, CompiledSegment s) {
        return h.createQuery("SELECT COUNT(*) FROM " + CompiledSegment.FROM + " WHERE " + s.where()).bindMap(s.binds())
                .mapTo(Long.class).one();
    }

    List<SegmentMember> sample(Handle h, CompiledSegment s, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return h.createQuery("SELECT c.contact_id, c.contact_name, c.client_id, c.client_name, c.language, c.tier, c.stage, c.region, "
                        + "c.churn_risk FROM " + CompiledSegment.FROM + " WHERE " + s.where() + " ORDER BY c.contact_id FETCH FIRST "
                        + ":sampleLimit ROWS ONLY")
                .bindMap(s.binds()).bind("sampleLimit", limit)
                .map((rs, ctx) -> new SegmentMember(rs.getLong("contact_id"), rs.getString("contact_name"), rs.getLong("client_id"),
                        rs.getString("client_name"), rs.getString("language"), rs.getString("tier"), rs.getString("stage"),
                        rs.getString("region"), Sql.intOrNull(rs, "churn_risk")))
                .list();
    }

    /** The records view's fields of these contacts (live ones only). */
    Map<Long, MemberRow> members(Handle h, List<Long> contactIds) {
        Map<Long, MemberRow> out = new LinkedHashMap<>();
        if (contactIds.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT contact_id, contact_name, contact_title, language, client_id, client_name, tier, stage, region, industry, "
                        + "manager_id, churn_risk FROM rec_segment_contact WHERE contact_id IN (<ids>)")
                .bindList("ids", contactIds)
                .map((rs, ctx) -> new MemberRow(rs.getLong("contact_id"), rs.getString("contact_name"), rs.getString("contact_title"),
                        rs.getString("language"), rs.getLong("client_id"), rs.getString("client_name"), rs.getString("tier"),
                        rs.getString("stage"), rs.getString("region"), rs.getString("industry"), Sql.longOrNull(rs, "manager_id"),
                        Sql.intOrNull(rs, "churn_risk")))
                .forEach(m -> out.put(m.contactId(), m));
        return out;
    }

    // --- saved segments ---

    long insertSegment(Handle h, String name, String description, Rule rule, long actor, Instant now) {
        return h.createUpdate("INSERT INTO camp_segment (name, description, rule_json, created_by, created_at, updated_at) "
                        + "VALUES (:name, :description, :rule, :actor, :now, :now)")
                .bind("name", name).bind("description", description).bind("rule", json(rule)).bind("actor", actor)
                .bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean updateSegment(Handle h, long id, String name, String description, Rule rule, Instant now) {
        return h.createUpdate("UPDATE camp_segment SET name = :name, description = :description, rule_json = :rule, updated_at = :now "
                        + "WHERE id = :id")
                .bind("id", id).bind("name", name).bind("description", description).bind("rule", json(rule)).bind("now", Sql.ts(now))
                .execute() == 1;
    }

    List<Segment> segments(Handle h, Long id) {
        var query = h.createQuery("SELECT id, name, description, rule_json, created_at, updated_at FROM camp_segment"
                + (id == null ? "" : " WHERE id = :id") + " ORDER BY name, id");
        if (id != null) {
            query.bind("id", id);
        }
        return query.map((rs, ctx) -> new Segment(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        read(rs.getString("rule_json"), Rule.class), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
                .list();
    }

    boolean deleteSegment(Handle h, long id) {
        return h.createUpdate("DELETE FROM camp_segment WHERE id = :id").bind("id", id).execute() == 1;
    }

    long campaignsUsing(Handle h, long segmentId) {
        return h.createQuery("SELECT COUNT(*) FROM camp_campaign WHERE segment_id = :id").bind("id", segmentId).mapTo(Long.class).one();
    }

    // --- campaigns ---

    long insertCampaign(Handle h, String name, String channel, String purpose, Long segmentId, Definition def, int rateLimit,
            String status, Instant scheduleAt, long actor, Instant now) {
        return h.createUpdate("INSERT INTO camp_campaign (name, channel, purpose, segment_id, definition_json, rate_limit, status, "
                        + "schedule_at, runs, created_by, created_at, updated_at) VALUES (:name, :channel, :purpose, :segmentId, :def, "
                        + ":rate, :status, :at, 0, :actor, :now, :now)")
                .bind("name", name).bind("channel", channel).bind("purpose", purpose).bind("segmentId", segmentId).bind("def", json(def))
                .bind("rate", rateLimit).bind("status", status).bind("at", Sql.ts(scheduleAt)).bind("actor", actor).bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void updateCampaign(Handle h, long id, String name, String channel, String purpose, Long segmentId, Definition def, int rateLimit,
            String status, Instant scheduleAt, Instant now) {
        h.createUpdate("UPDATE camp_campaign SET name = :name, channel = :channel, purpose = :purpose, segment_id = :segmentId, "
                        + "definition_json = :def, rate_limit = :rate, status = :status, schedule_at = :at, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("name", name).bind("channel", channel).bind("purpose", purpose).bind("segmentId", segmentId)
                .bind("def", json(def)).bind("rate", rateLimit).bind("status", status).bind("at", Sql.ts(scheduleAt))
                .bind("now", Sql.ts(now)).execute();
    }

    List<Campaign> campaigns(Handle h) {
        return h.createQuery("SELECT " + CAMPAIGN_COLUMNS + " FROM camp_campaign ORDER BY id DESC").map((rs, ctx) -> campaign(rs)).list();
    }

    Optional<Campaign> campaign(Handle h, long id, boolean lock) {
        return h.createQuery("SELECT " + CAMPAIGN_COLUMNS + " FROM camp_campaign WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map((rs, ctx) -> campaign(rs)).findOne();
    }

    void setStatus(Handle h, long id, String status, Integer runs, Instant now) {
        h.createUpdate("UPDATE camp_campaign SET status = :status, runs = COALESCE(:runs, runs), updated_at = :now WHERE id = :id")
                .bind("id", id).bind("status", status).bind("runs", runs).bind("now", Sql.ts(now)).execute();
    }

    void reschedule(Handle h, long id, Instant at, Instant now) {
        h.createUpdate("UPDATE camp_campaign SET status = 'scheduled', schedule_at = :at, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("at", Sql.ts(at)).bind("now", Sql.ts(now)).execute();
    }

    void deleteCampaign(Handle h, long id) {
        h.createUpdate("DELETE FROM camp_step_recipient WHERE run_id IN (SELECT id FROM camp_run WHERE campaign_id = :id)").bind("id", id)
                .execute();
        h.createUpdate("DELETE FROM camp_recipient WHERE run_id IN (SELECT id FROM camp_run WHERE campaign_id = :id)").bind("id", id)
                .execute();
        h.createUpdate("DELETE FROM camp_run WHERE campaign_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM camp_campaign WHERE id = :id").bind("id", id).execute();
    }

    /** Campaigns scheduled to run once whose time has come. */
    List<Long> due(Handle h, Instant now) {
        return h.createQuery("SELECT id FROM camp_campaign WHERE status = 'scheduled' AND schedule_at <= :now ORDER BY schedule_at, id")
                .bind("now", Sql.ts(now)).mapTo(Long.class).list();
    }

    private Campaign campaign(ResultSet rs) throws SQLException {
        Definition def = read(rs.getString("definition_json"), Definition.class);
        return new Campaign(rs.getLong("id"), rs.getString("name"), def.segment(), Sql.longOrNull(rs, "segment_id"), rs.getString("channel"),
                rs.getString("purpose"), def.templates(), def.articleIds() == null ? List.of() : def.articleIds(),
                def.schedule() == null ? Schedule.MANUAL : def.schedule(), rs.getInt("rate_limit"), rs.getString("status"), rs.getInt("runs"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), def.steps());
    }

    // --- runs ---

    long insertRun(Handle h, long campaignId, int runNo, Instant now) {
        return h.createUpdate("INSERT INTO camp_run (campaign_id, run_no, state, targeted, started_at) VALUES (:c, :n, 'running', 0, :now)")
                .bind("c", campaignId).bind("n", runNo).bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Materialises the segment's contacts as the run's pending recipients; returns how many. */
    int materialise(Handle h, long runId, CompiledSegment s, Instant now) {
        int n = h.createUpdate("INSERT INTO camp_recipient (run_id, contact_id, state, language, updated_at) SELECT :runId, c.contact_id, "
                        + "'pending', c.language, :materialisedAt FROM " + CompiledSegment.FROM + " WHERE " + s.where())
                .bindMap(s.binds()).bind("runId", runId).bind("materialisedAt", Sql.ts(now)).execute();
        h.createUpdate("UPDATE camp_run SET targeted = :n WHERE id = :id").bind("n", n).bind("id", runId).execute();
        return n;
    }

    /** Adds the contacts of these clients (or this contact) that match the segment and are not in the run yet. */
    int addRecipients(Handle h, long runId, CompiledSegment s, List<Long> clientIds, Long contactId, Instant now) {
        String who = contactId != null ? "c.contact_id = :triggerContact" : "c.client_id IN (<triggerClients>)";
        var update = h.createUpdate("INSERT INTO camp_recipient (run_id, contact_id, state, language, updated_at) SELECT :runId, c.contact_id, "
                        + "'pending', c.language, :addedAt FROM " + CompiledSegment.FROM + " WHERE (" + s.where() + ") AND " + who
                        + " AND NOT EXISTS (SELECT 1 FROM camp_recipient r WHERE r.run_id = :runId AND r.contact_id = c.contact_id)")
                .bindMap(s.binds()).bind("runId", runId).bind("addedAt", Sql.ts(now));
        if (contactId != null) {
            update.bind("triggerContact", contactId);
        } else {
            update.bindList("triggerClients", clientIds);
        }
        int n = update.execute();
        if (n > 0) {
            h.createUpdate("UPDATE camp_run SET targeted = targeted + :n WHERE id = :id").bind("n", n).bind("id", runId).execute();
        }
        return n;
    }

    /** The latest run of a campaign: id, number, state. */
    Optional<Map<String, Object>> latestRun(Handle h, long campaignId) {
        return h.createQuery("SELECT id, run_no, state FROM camp_run WHERE campaign_id = :c ORDER BY run_no DESC FETCH FIRST 1 ROWS ONLY")
                .bind("c", campaignId).mapToMap().findOne();
    }

    Optional<Long> runId(Handle h, long campaignId, int runNo) {
        return h.createQuery("SELECT id FROM camp_run WHERE campaign_id = :c AND run_no = :n").bind("c", campaignId).bind("n", runNo)
                .mapTo(Long.class).findOne();
    }

    boolean setRunState(Handle h, long runId, String from, String to, Instant now) {
        boolean finished = to.equals("completed") || to.equals("cancelled");
        return h.createUpdate("UPDATE camp_run SET state = :to" + (finished ? ", finished_at = :now" : "") + " WHERE id = :id AND state = :from")
                .bind("id", runId).bind("from", from).bind("to", to).bind("now", Sql.ts(now)).execute() == 1;
    }

    String runState(Handle h, long runId) {
        return h.createQuery("SELECT state FROM camp_run WHERE id = :id").bind("id", runId).mapTo(String.class).one();
    }

    List<RunRef> runningRuns(Handle h) {
        return h.createQuery("SELECT r.id, r.campaign_id, r.run_no, c.rate_limit FROM camp_run r JOIN camp_campaign c ON c.id = r.campaign_id "
                        + "WHERE r.state = 'running' ORDER BY r.id")
                .map((rs, ctx) -> new RunRef(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("run_no"), rs.getInt("rate_limit")))
                .list();
    }

    // --- recipients ---

    /** Claims up to {@code limit} pending recipients of a run, locked until the transaction ends (skipping rows another node holds). */
    /**
     * Claims up to {@code limit} pending recipients of the run, in contact order. The order is written as the index's
     * ({@code run_id, state, contact_id}): H2 walks the index then and stops at the limit, where {@code ORDER BY contact_id}
     * alone made it read and sort every pending recipient on each claim.
     */
    List<Long> claim(Handle h, long runId, int limit) {
        if (org.rapport.store.SkipLocked.locksEveryMatch(h)) { // see SkipLocked: the candidates without a lock, then just those locked
            List<Long> candidates = candidates(h, runId, limit, null);
            List<Long> locked = lockPending(h, runId, candidates);
            if (locked.isEmpty() && candidates.size() == limit) { // another thread holds these: the next ones
                locked = lockPending(h, runId, candidates(h, runId, limit, candidates.get(candidates.size() - 1)));
            }
            return locked;
        }
        return h.createQuery("SELECT contact_id FROM camp_recipient WHERE run_id = :run AND state = 'pending' "
                        + "ORDER BY run_id, state, contact_id FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED")
                .bind("run", runId).bind("limit", limit).mapTo(Long.class).list();
    }

    private List<Long> candidates(Handle h, long runId, int limit, Long after) {
        return h.createQuery("SELECT contact_id FROM camp_recipient WHERE run_id = :run AND state = 'pending'"
                        + (after == null ? "" : " AND contact_id > :after") + " ORDER BY run_id, state, contact_id FETCH FIRST :limit ROWS ONLY")
                .bind("run", runId).bind("after", after).bind("limit", limit).mapTo(Long.class).list();
    }

    private List<Long> lockPending(Handle h, long runId, List<Long> candidates) {
        return candidates.isEmpty() ? List.of() : h.createQuery("SELECT contact_id FROM camp_recipient WHERE run_id = :run "
                        + "AND contact_id = ANY(:ids) AND state = 'pending' ORDER BY contact_id FOR UPDATE SKIP LOCKED")
                .bind("run", runId).bindArray("ids", Long.class, candidates).mapTo(Long.class).list();
    }

    /** Whether the run has a recipient still pending (an existence check: it stops at the first). */
    boolean anyPending(Handle h, long runId) {
        return h.createQuery("SELECT 1 FROM camp_recipient WHERE run_id = :run AND state = 'pending' FETCH FIRST 1 ROWS ONLY")
                .bind("run", runId).mapTo(Integer.class).findOne().isPresent();
    }

    void record(Handle h, long runId, long contactId, String state, String reasonCode, String reason, String language, Long messageId,
            Instant now) {
        h.createUpdate("UPDATE camp_recipient SET state = :state, reason_code = :code, reason = :reason, language = COALESCE(:lang, language), "
                        + "message_id = :message, updated_at = :now WHERE run_id = :run AND contact_id = :contact")
                .bind("run", runId).bind("contact", contactId).bind("state", state).bind("code", reasonCode)
                .bind("reason", Sql.cut(reason, 500)).bind("lang", language).bind("message", messageId).bind("now", Sql.ts(now)).execute();
    }

    /** One recipient's outcome, for {@link #recordAll}. */
    record Outcome(long contactId, String state, String reasonCode, String reason, String language, Long messageId) {}

    /** Records many outcomes of one run in one batch. */
    void recordAll(Handle h, long runId, java.util.List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("UPDATE camp_recipient SET state = :state, reason_code = :code, reason = :reason, "
                + "language = COALESCE(:lang, language), message_id = :message, updated_at = :now WHERE run_id = :run AND contact_id = :contact");
        for (Outcome o : outcomes) {
            batch.bind("run", runId).bind("contact", o.contactId()).bind("state", o.state()).bind("code", o.reasonCode())
                    .bind("reason", Sql.cut(o.reason(), 500)).bind("lang", o.language()).bind("message", o.messageId())
                    .bind("now", Sql.ts(now)).add();
        }
        batch.execute();
    }

    /** Cancels the run's recipients not messaged yet and its pending follow-up steps; returns how many recipients. */
    int cancelPending(Handle h, long runId, Instant now) {
        h.createUpdate("UPDATE camp_step_recipient SET state = 'cancelled', reason_code = 'cancelled', reason = 'The run was cancelled', "
                        + "updated_at = :now WHERE run_id = :run AND state = 'pending'")
                .bind("run", runId).bind("now", Sql.ts(now)).execute();
        return h.createUpdate("UPDATE camp_recipient SET state = 'cancelled', reason_code = 'cancelled', reason = 'The run was cancelled', "
                        + "updated_at = :now WHERE run_id = :run AND state = 'pending'")
                .bind("run", runId).bind("now", Sql.ts(now)).execute();
    }

    /**
     * Marks recipients (step 0) and follow-up steps whose messages were withdrawn from the outbox when their run was
     * cancelled: {@code cancelled} with the reason code {@code withdrawn}, so they count as not sent.
     */
    void withdrawn(Handle h, long runId, java.util.Collection<CampaignKeys.Key> keys, Instant now) {
        var first = h.prepareBatch("UPDATE camp_recipient SET state = 'cancelled', reason_code = 'withdrawn', reason = :reason, "
                + "updated_at = :now WHERE run_id = :run AND contact_id = :contact AND state IN ('queued', 'deferred') AND delivery IS NULL");
        var steps = h.prepareBatch("UPDATE camp_step_recipient SET state = 'cancelled', reason_code = 'withdrawn', reason = :reason, "
                + "updated_at = :now WHERE run_id = :run AND contact_id = :contact AND step = :step AND state IN ('queued', 'deferred') "
                + "AND delivery IS NULL");
        int firsts = 0;
        int later = 0;
        for (CampaignKeys.Key k : keys) {
            var batch = k.step() == 0 ? first : steps.bind("step", k.step());
            batch.bind("run", runId).bind("contact", k.contactId()).bind("now", Sql.ts(now))
                    .bind("reason", "Withdrawn from the outbox before it was sent: the run was cancelled").add();
            if (k.step() == 0) {
                firsts++;
            } else {
                later++;
            }
        }
        if (firsts > 0) {
            first.execute();
        }
        if (later > 0) {
            steps.execute();
        }
    }

    /** Recipients (step 0) of a run handed to the outbox whose delivery status may still move on (none yet, or sent). */
    List<Long> lagging(Handle h, long runId) {
        return h.createQuery("SELECT contact_id FROM camp_recipient WHERE run_id = :run AND state IN ('queued', 'deferred') "
                        + "AND (delivery IS NULL OR delivery = 'sent')")
                .bind("run", runId).mapTo(Long.class).list();
    }

    /** Follow-up steps of a run handed to the outbox whose delivery status may still move on. */
    List<StepRef> laggingSteps(Handle h, long runId) {
        return h.createQuery("SELECT contact_id, step FROM camp_step_recipient WHERE run_id = :run AND state IN ('queued', 'deferred') "
                        + "AND (delivery IS NULL OR delivery = 'sent')")
                .bind("run", runId).map((rs, ctx) -> new StepRef(rs.getLong("contact_id"), rs.getInt("step"))).list();
    }

    /** Runs still open, and runs finished since {@code since}: the ones whose results may still change. */
    List<Map<String, Object>> recentRuns(Handle h, Instant since) {
        return h.createQuery("SELECT id, campaign_id, run_no, state FROM camp_run WHERE state IN ('running', 'paused') "
                        + "OR finished_at >= :since ORDER BY id")
                .bind("since", Sql.ts(since)).mapToMap().list();
    }

    // --- follow-up steps (camp_step_recipient) ---

    /** A follow-up step of one recipient. */
    record StepRef(long contactId, int step) {}

    /** Claims up to {@code limit} follow-up steps of a run that are due, locked until the transaction ends (skipping rows another node holds). */
    List<StepRef> claimSteps(Handle h, long runId, Instant now, int limit) {
        if (org.rapport.store.SkipLocked.locksEveryMatch(h)) { // see SkipLocked: the candidates without a lock, then just those locked
            List<StepRef> candidates = h.createQuery("SELECT contact_id, step FROM camp_step_recipient WHERE run_id = :run "
                            + "AND state = 'pending' AND due_at <= :now ORDER BY due_at, contact_id, step FETCH FIRST :limit ROWS ONLY")
                    .bind("run", runId).bind("now", Sql.ts(now)).bind("limit", limit)
                    .map((rs, ctx) -> new StepRef(rs.getLong("contact_id"), rs.getInt("step"))).list();
            if (candidates.isEmpty()) {
                return List.of();
            }
            java.util.Set<StepRef> locked = new java.util.HashSet<>(h.createQuery("SELECT contact_id, step FROM camp_step_recipient "
                            + "WHERE run_id = :run AND contact_id = ANY(:contacts) AND state = 'pending' AND due_at <= :now FOR UPDATE SKIP LOCKED")
                    .bind("run", runId).bind("now", Sql.ts(now))
                    .bindArray("contacts", Long.class, candidates.stream().map(StepRef::contactId).distinct().toList())
                    .map((rs, ctx) -> new StepRef(rs.getLong("contact_id"), rs.getInt("step"))).list());
            return candidates.stream().filter(locked::contains).toList();
        }
        return h.createQuery("SELECT contact_id, step FROM camp_step_recipient WHERE run_id = :run AND state = 'pending' AND due_at <= :now "
                        + "ORDER BY due_at, contact_id, step FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED")
                .bind("run", runId).bind("now", Sql.ts(now)).bind("limit", limit)
                .map((rs, ctx) -> new StepRef(rs.getLong("contact_id"), rs.getInt("step"))).list();
    }

    /** Whether the run has a follow-up step still pending (an existence check). */
    boolean anyStepPending(Handle h, long runId) {
        return h.createQuery("SELECT 1 FROM camp_step_recipient WHERE run_id = :run AND state = 'pending' FETCH FIRST 1 ROWS ONLY")
                .bind("run", runId).mapTo(Integer.class).findOne().isPresent();
    }

    /**
     * Adds step {@code step} of these recipients: {@code pending} due at {@code dueAt}, or already {@code skipped} with a reason
     * (an earlier step was skipped).
     */
    void addSteps(Handle h, long runId, List<Long> contactIds, int step, String state, Instant dueAt, String reasonCode, String reason,
            Instant now) {
        if (contactIds.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO camp_step_recipient (run_id, contact_id, step, state, due_at, reason_code, reason, updated_at) "
                + "VALUES (:run, :contact, :step, :state, :due, :code, :reason, :now)");
        for (Long contactId : contactIds) {
            batch.bind("run", runId).bind("contact", contactId).bind("step", step).bind("state", state).bind("due", Sql.ts(dueAt))
                    .bind("code", reasonCode).bind("reason", Sql.cut(reason, 500)).bind("now", Sql.ts(now)).add();
        }
        batch.execute();
    }

    /** Records outcomes of follow-up step {@code step} in one batch. */
    void recordSteps(Handle h, long runId, int step, List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("UPDATE camp_step_recipient SET state = :state, reason_code = :code, reason = :reason, message_id = :message, "
                + "updated_at = :now WHERE run_id = :run AND contact_id = :contact AND step = :step");
        for (Outcome o : outcomes) {
            batch.bind("run", runId).bind("contact", o.contactId()).bind("step", step).bind("state", o.state()).bind("code", o.reasonCode())
                    .bind("reason", Sql.cut(o.reason(), 500)).bind("message", o.messageId()).bind("now", Sql.ts(now)).add();
        }
        batch.execute();
    }

    /** Whether a recipient replied or opted out since their first message. */
    record Reaction(boolean replied, boolean optedOut) {}

    Map<Long, Reaction> reactions(Handle h, long runId, List<Long> contactIds) {
        Map<Long, Reaction> out = new LinkedHashMap<>();
        if (contactIds.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT contact_id, replied, opted_out FROM camp_recipient WHERE run_id = :run AND contact_id IN (<ids>)")
                .bind("run", runId).bindList("ids", contactIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("contact_id"), new Reaction(rs.getBoolean("replied"), rs.getBoolean("opted_out"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The delivery status of one recipient's follow-up step, or empty when there is no such step. */
    Optional<String> stepDelivery(Handle h, long runId, long contactId, int step) {
        return h.createQuery("SELECT COALESCE(delivery, '') FROM camp_step_recipient WHERE run_id = :run AND contact_id = :contact "
                        + "AND step = :step FOR UPDATE")
                .bind("run", runId).bind("contact", contactId).bind("step", step).mapTo(String.class).findOne();
    }

    void setStepDelivery(Handle h, long runId, long contactId, int step, String delivery, Instant now) {
        h.createUpdate("UPDATE camp_step_recipient SET delivery = :d, updated_at = :now WHERE run_id = :run AND contact_id = :contact "
                        + "AND step = :step")
                .bind("run", runId).bind("contact", contactId).bind("step", step).bind("d", delivery).bind("now", Sql.ts(now)).execute();
    }

    /** The delivery status of one recipient, or empty when there is no such recipient. */
    Optional<String> delivery(Handle h, long runId, long contactId) {
        return h.createQuery("SELECT COALESCE(delivery, '') FROM camp_recipient WHERE run_id = :run AND contact_id = :contact FOR UPDATE")
                .bind("run", runId).bind("contact", contactId).mapTo(String.class).findOne();
    }

    void setDelivery(Handle h, long runId, long contactId, String delivery, Instant now) {
        h.createUpdate("UPDATE camp_recipient SET delivery = :d, updated_at = :now WHERE run_id = :run AND contact_id = :contact")
                .bind("run", runId).bind("contact", contactId).bind("d", delivery).bind("now", Sql.ts(now)).execute();
    }

    /**
     * Sets the delivery status of these recipients ({@code [run id, contact id]}, first steps) to {@code status} where it is
     * none yet or one of {@code below} (a status only moves forward), in one batch; returns how many changed.
     */
    int advanceDeliveries(Handle h, java.util.List<long[]> recipients, String status, java.util.List<String> below, Instant now) {
        if (recipients.isEmpty()) {
            return 0;
        }
        String lower = below.stream().map(b -> "'" + b.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", "));
        var batch = h.prepareBatch("UPDATE camp_recipient SET delivery = :d, updated_at = :now WHERE run_id = :run AND contact_id = :contact "
                + "AND (delivery IS NULL" + (lower.isEmpty() ? "" : " OR delivery IN (" + lower + ")") + ")");
        for (long[] r : recipients) {
            batch.bind("d", status).bind("now", Sql.ts(now)).bind("run", r[0]).bind("contact", r[1]).add();
        }
        return java.util.Arrays.stream(batch.execute()).sum();
    }

    /**
     * Marks recipients messaged in runs started since {@code since} as having replied / opted out, and those with a follow-up
     * step still pending whatever the run's age (a welcome series' run stays open for months; this stops its later steps).
     */
    int markAfter(Handle h, long contactId, String column, Instant since) {
        return h.createUpdate("UPDATE camp_recipient SET " + (column.equals("replied") ? "replied" : "opted_out") + " = TRUE "
                        + "WHERE contact_id = :contact AND state IN ('queued', 'deferred') AND (run_id IN "
                        + "(SELECT id FROM camp_run WHERE started_at >= :since) OR EXISTS (SELECT 1 FROM camp_step_recipient s "
                        + "WHERE s.run_id = camp_recipient.run_id AND s.contact_id = camp_recipient.contact_id AND s.state = 'pending'))")
                .bind("contact", contactId).bind("since", Sql.ts(since)).execute();
    }

    /** The counts per state and delivery that the run's stats and its steps' stats are made of. */
    private static final String COUNTS = "SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending, "
            + "SUM(CASE WHEN state IN ('queued', 'deferred') THEN 1 ELSE 0 END) AS queued, "
            + "SUM(CASE WHEN state = 'deferred' AND delivery IS NULL THEN 1 ELSE 0 END) AS deferred, "
            + "SUM(CASE WHEN state = 'skipped' OR delivery = 'blocked' THEN 1 ELSE 0 END) AS skipped, "
            + "SUM(CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END) AS cancelled, "
            + "SUM(CASE WHEN delivery IN ('sent', 'delivered', 'read') THEN 1 ELSE 0 END) AS sent, "
            + "SUM(CASE WHEN delivery IN ('delivered', 'read') THEN 1 ELSE 0 END) AS delivered, "
            + "SUM(CASE WHEN delivery IN ('failed', 'bounced') THEN 1 ELSE 0 END) AS failed";

    /** The run's stats: one pass over its recipients (step 0 and the totals), one over its follow-up steps. */
    CampaignStats stats(Handle h, long runId, int runNo, String state) {
        Map<String, Object> row = h.createQuery("SELECT COUNT(*) AS targeted, " + COUNTS + ", "
                        + "SUM(CASE WHEN replied THEN 1 ELSE 0 END) AS replied, "
                        + "SUM(CASE WHEN opted_out THEN 1 ELSE 0 END) AS opted_out FROM camp_recipient WHERE run_id = :run")
                .bind("run", runId).mapToMap().one();
        Map<Integer, Map<String, Long>> skippedBy = new java.util.HashMap<>();
        h.createQuery("SELECT 0 AS step, COALESCE(reason_code, delivery) AS code, COUNT(*) AS n FROM camp_recipient WHERE run_id = :run "
                        + "AND (state = 'skipped' OR delivery = 'blocked') GROUP BY COALESCE(reason_code, delivery) "
                        + "UNION ALL SELECT step, COALESCE(reason_code, delivery) AS code, COUNT(*) AS n FROM camp_step_recipient WHERE run_id = :run "
                        + "AND (state = 'skipped' OR delivery = 'blocked') GROUP BY step, COALESCE(reason_code, delivery) ORDER BY 1, 3 DESC")
                .bind("run", runId)
                .map((rs, ctx) -> new Object[] {rs.getInt("step"), String.valueOf(rs.getString("code")), rs.getLong("n")})
                .forEach(r -> skippedBy.computeIfAbsent((Integer) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (Long) r[2]));
        return new CampaignStats(runNo, state, n(row, "targeted"), n(row, "skipped"), n(row, "pending"), n(row, "deferred"), n(row, "sent"),
                n(row, "delivered"), n(row, "failed"), n(row, "replied"), n(row, "opted_out"), skippedBy.getOrDefault(0, Map.of()),
                stepStats(h, runId, row, skippedBy));
    }

    /** Per-step counts (step 0 as counted for the run, the follow-up steps from camp_step_recipient), one entry per step the campaign has. */
    private List<StepStats> stepStats(Handle h, long runId, Map<String, Object> first, Map<Integer, Map<String, Long>> skippedBy) {
        java.util.TreeMap<Integer, Map<String, Object>> rows = new java.util.TreeMap<>();
        rows.put(0, first);
        h.createQuery("SELECT step, MIN(CASE WHEN state = 'pending' THEN due_at END) AS next_due, " + COUNTS
                        + " FROM camp_step_recipient WHERE run_id = :run GROUP BY step")
                .bind("run", runId).mapToMap().forEach(r -> rows.put(((Number) r.get("step")).intValue(), r));
        int steps = h.createQuery("SELECT c.definition_json FROM camp_campaign c JOIN camp_run r ON r.campaign_id = c.id WHERE r.id = :run")
                .bind("run", runId).mapTo(String.class).findOne()
                .map(json -> read(json, Definition.class).steps()).map(List::size).orElse(0);
        int last = Math.max(steps, rows.lastKey());
        List<StepStats> out = new java.util.ArrayList<>();
        for (int step = 0; step <= last; step++) {
            Map<String, Object> r = rows.getOrDefault(step, Map.of());
            Object due = r.get("next_due");
            out.add(new StepStats(step, n(r, "pending"), due == null ? null : instant(due), n(r, "queued"), n(r, "deferred"), n(r, "skipped"),
                    n(r, "cancelled"), n(r, "sent"), n(r, "delivered"), n(r, "failed"), skippedBy.getOrDefault(step, Map.of())));
        }
        return out;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }

    List<Recipient> recipients(Handle h, long runId, int runNo, int page, int size) {
        // each recipient with the furthest follow-up step they reached, if any
        return h.createQuery("SELECT r.contact_id, r.state, r.reason_code, r.reason, r.language, r.delivery, r.replied, r.opted_out, "
                        + "r.updated_at, s.step, s.state AS step_state, s.reason_code AS step_code, s.due_at AS step_due "
                        + "FROM camp_recipient r LEFT JOIN camp_step_recipient s ON s.run_id = r.run_id AND s.contact_id = r.contact_id "
                        + "AND s.step = (SELECT MAX(m.step) FROM camp_step_recipient m WHERE m.run_id = r.run_id AND m.contact_id = r.contact_id) "
                        + "WHERE r.run_id = :run ORDER BY r.contact_id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .bind("run", runId).bind("offset", (long) (page - 1) * size).bind("size", size)
                .map((rs, ctx) -> {
                    Integer step = Sql.intOrNull(rs, "step");
                    return new Recipient(runNo, rs.getLong("contact_id"), rs.getString("state"), rs.getString("reason_code"),
                            rs.getString("reason"), rs.getString("language"), rs.getString("delivery"), rs.getBoolean("replied"),
                            rs.getBoolean("opted_out"), Sql.instant(rs, "updated_at"), step == null ? 0 : step,
                            step == null ? rs.getString("state") : rs.getString("step_state"),
                            step == null ? rs.getString("reason_code") : rs.getString("step_code"), Sql.instant(rs, "step_due"));
                })
                .list();
    }

    private static long n(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    // --- JSON ---

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read as " + type.getSimpleName(), e);
        }
    }
}
