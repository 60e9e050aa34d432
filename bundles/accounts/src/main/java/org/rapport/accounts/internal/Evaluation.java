package org.rapport.accounts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rapport.accounts.ScoreReason;
import org.rapport.accounts.TierOverride;
import org.rapport.accounts.internal.AccountRepository.ScoreRow;
import org.rapport.accounts.internal.engine.ClientEvaluation;
import org.rapport.accounts.internal.engine.ClientFacts;
import org.rapport.records.Client;
import org.rapport.records.ClientActivity;

/** Runs the engine for one client and turns its decision into the row to store. */
final class Evaluation {

    private Evaluation() {
    }

    static ScoreRow evaluate(Client client, ClientActivity activity, ScoreRow previous, TierOverride override,
            AccountSettings settings, LocalDate today, Instant now) {
        ClientFacts facts = Facts.of(client, activity, settings);
        org.rapport.accounts.internal.engine.TierOverride engineOverride = override == null ? null
                : new org.rapport.accounts.internal.engine.TierOverride(override.tier(), override.reason(), override.expiresOn());
        LocalDate stageSince = previous != null ? previous.stageSince() : facts.createdOn();
        ClientEvaluation ev = settings.evaluator().evaluate(facts, engineOverride, stageSince, today);
        String stage = ev.stage().stage().id();
        LocalDate since = previous != null && previous.stage().equals(stage) ? previous.stageSince() : today;
        List<ScoreReason> value = ev.value().components().stream()
                .map(c -> new ScoreReason(c.code(), c.points(), c.zh(), c.en())).toList();
        List<ScoreReason> churn = ev.churn().reasons().stream()
                .map(r -> new ScoreReason(r.code(), r.points(), r.zh(), r.en())).toList();
        String tierReason = ev.tier().reasonEn() + " / " + ev.tier().reasonZh();
        String stageReason = ev.stage().reasonEn() + " / " + ev.stage().reasonZh();
        // the cadence counts every contact, the bank's own calls and visits included
        LocalDate lastContact = activity == null ? null : activity.lastInteractionOn();
        LocalDate due = settings.cadence().next(ev.tier().tier(), lastContact, facts.createdOn()).dueOn();
        return new ScoreRow(client.id(), ev.value().score(), value, ev.tier().tier(), tierReason, stage, stageReason, since,
                ev.churn().score(), churn, lastContact, due, client.standing().managerId(), now);
    }
}
