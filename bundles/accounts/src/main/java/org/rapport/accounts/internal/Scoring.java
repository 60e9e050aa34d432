package org.rapport.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rapport.accounts.AccountChange;
import org.rapport.accounts.AccountEvents;
import org.rapport.accounts.TierOverride;
import org.rapport.accounts.internal.AccountRepository.ScoreRow;
import org.rapport.records.Client;
import org.rapport.records.ClientActivity;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.records.Standing;
import org.rapport.security.Principal;
import org.rapport.store.Store;
import org.rapport.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores clients a batch at a time: reads their records, stored scores and overrides in bulk,
 * runs the engine for each, then writes the changed standings through the records service (one
 * transaction) and the scores, tier and stage moves, churn alerts and events (one transaction).
 * A batch that cannot be written is scored again one client at a time, so one bad client does
 * not hold back the others.
 */
final class Scoring {
    private static final Logger LOG = LoggerFactory.getLogger(Scoring.class);
    /** At most this many clients per batch (the records service reads and writes at most 1000 at once). */
    static final int MAX_BATCH = 1000;

    /** A client's new scores and the override they were computed with. */
    record Scored(ScoreRow row, TierOverride override) {}

    private final Store store;
    private final Records records;
    private final AccountSettings settings;
    private final Clock clock;

    Scoring(Store store, Records records, AccountSettings settings, Clock clock) {
        this.store = store;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Scores {@code ids} with their activity (absent: none), falling back to one at a time when the
     * batch fails; a client that cannot be scored is logged and left out.
     *
     * @return the scored clients by id (clients that are gone are left out)
     */
    Map<Long, Scored> scoreAll(List<Long> ids, Map<Long, ClientActivity> activity) {
        try {
            return score(ids, activity);
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                LOG.warn("Scoring client {} failed: {}", ids.get(0), e.toString());
                return Map.of();
            }
            LOG.warn("Scoring a batch of {} clients failed ({}); scoring them one at a time", ids.size(), e.toString());
        }
        Map<Long, Scored> out = new HashMap<>();
        for (Long id : ids) {
            out.putAll(scoreAll(List.of(id), activity));
        }
        return out;
    }

    /**
     * Scores {@code ids} (at most {@link #MAX_BATCH}) in one go; throws when the batch cannot be
     * written. One batch at a time: a request and the background may score the same client at once.
     */
    synchronized Map<Long, Scored> score(List<Long> ids, Map<Long, ClientActivity> activity) {
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " clients at once");
        }
        List<Client> clients = records.clients(ids);
        if (clients.isEmpty()) {
            return Map.of();
        }
        List<Long> found = clients.stream().map(Client::id).toList();
        Map<Long, ScoreRow> previous = store.jdbi().withHandle(h -> AccountRepository.scores(h, found));
        Map<Long, TierOverride> overrides = store.jdbi().withHandle(h -> AccountRepository.overrides(h, found));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Map<Long, Scored> out = new LinkedHashMap<>();
        List<Move> moves = new ArrayList<>();
        Map<Long, Standing> standings = new LinkedHashMap<>();
        for (Client client : clients) {
            long id = client.id();
            ScoreRow row = Evaluation.evaluate(client, activity.get(id), previous.get(id), overrides.get(id), settings, today, now);
            out.put(id, new Scored(row, overrides.get(id)));
            Standing before = client.standing();
            Standing after = new Standing(row.tier(), row.stage(), null, row.valueScore(), row.churnRisk());
            if (!after.equals(new Standing(before.tier(), before.stage(), null, before.valueScore(), before.churnRisk()))) {
                standings.put(id, after);
            }
            ScoreRow old = previous.get(id);
            int previousRisk = old != null ? old.churnRisk() : before.churnRisk() == null ? 0 : before.churnRisk();
            moves.add(new Move(client, row, previousRisk));
        }
        records.updateStandings(standings, "scoring", Principal.SYSTEM);
        store.inTransaction(tx -> {
            AccountRepository.saveScores(tx.handle(), out.values().stream().map(Scored::row).toList());
            Moves recorded = new Moves(now);
            moves.forEach(recorded::add);
            recorded.write(tx, settings.churnAlertThreshold());
            return null;
        });
        return out;
    }

    /** What a client's new scores change: its tier and stage moves, and a churn alert when the risk crosses the threshold. */
    private record Move(Client client, ScoreRow row, int previousRisk) {}

    /** The moves of a batch, written together: moves and events as one batch each, alerts one by one (they are rare). */
    private static final class Moves {
        private final Instant now;
        private final List<AccountChange> changes = new ArrayList<>();
        private final List<Map<String, Object>> tierEvents = new ArrayList<>();
        private final List<Map<String, Object>> stageEvents = new ArrayList<>();
        private final List<Move> all = new ArrayList<>();

        Moves(Instant now) {
            this.now = now;
        }

        void add(Move move) {
            long id = move.client().id();
            Standing before = move.client().standing();
            ScoreRow row = move.row();
            if (!Objects.equals(before.tier(), row.tier())) {
                changes.add(new AccountChange(id, "tier", before.tier(), row.tier(), row.tierReason(), 0, now));
                tierEvents.add(props(id, before.tier(), row.tier()));
            }
            if (!Objects.equals(before.stage(), row.stage())) {
                changes.add(new AccountChange(id, "stage", before.stage(), row.stage(), row.stageReason(), 0, now));
                stageEvents.add(props(id, before.stage(), row.stage()));
            }
            all.add(move);
        }

        void write(Tx tx, int alertThreshold) {
            AccountRepository.addChanges(tx.handle(), changes);
            tx.emitAll(AccountEvents.TIER_CHANGED, tierEvents);
            tx.emitAll(AccountEvents.STAGE_CHANGED, stageEvents);
            for (Move move : all) {
                if (move.previousRisk() < alertThreshold && move.row().churnRisk() >= alertThreshold) {
                    ChurnAlert.raise(tx, move.client(), move.row(), now);
                }
            }
        }

        private static Map<String, Object> props(long clientId, String from, String to) {
            Map<String, Object> props = new HashMap<>();
            props.put(RecordsEvents.CLIENT_ID, clientId);
            if (from != null) {
                props.put("from", from);
            }
            if (to != null) {
                props.put("to", to);
            }
            return props;
        }
    }
}
