package org.rapport.accounts.internal;

import java.time.Instant;
import java.util.Map;
import org.rapport.accounts.AccountEvents;
import org.rapport.accounts.ScoreReason;
import org.rapport.accounts.internal.AccountRepository.ScoreRow;
import org.rapport.records.Client;
import org.rapport.records.RecordsEvents;
import org.rapport.store.Tx;

/** Raises the alert and the event when a client's churn risk crosses the threshold upwards. */
final class ChurnAlert {

    private ChurnAlert() {
    }

    static void raise(Tx tx, Client client, ScoreRow row, Instant now) {
        long manager = client.standing().managerId() == null ? 0 : client.standing().managerId();
        String zhReason = row.churnReasons().isEmpty() ? "" : "：" + row.churnReasons().get(0).zh();
        String enReason = row.churnReasons().isEmpty() ? "" : ": " + row.churnReasons().get(0).en();
        String zh = client.name() + " 流失风险升至 " + row.churnRisk() + zhReason;
        String en = client.name() + " churn risk rose to " + row.churnRisk() + enReason;
        AccountRepository.addAlert(tx.handle(), manager, client.id(), "churn_risk", zh, en, now);
        tx.emit(AccountEvents.CHURN_ALERT, Map.of(RecordsEvents.CLIENT_ID, client.id(), "churn.risk", row.churnRisk(),
                "manager.id", manager, "reasons", row.churnReasons().stream().map(ScoreReason::code).toList()));
    }
}
