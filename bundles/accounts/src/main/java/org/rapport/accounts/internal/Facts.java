package org.rapport.accounts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.rapport.accounts.internal.engine.ClientFacts;
import org.rapport.records.Client;
import org.rapport.records.ClientActivity;

/** Builds the engine's {@link ClientFacts} from a client record and its activity summary. */
final class Facts {

    private Facts() {
    }

    static ClientFacts of(Client client, ClientActivity activity, AccountSettings settings) {
        LocalDate created = client.clientSince() != null ? client.clientSince() : client.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (activity == null) {
            return new ClientFacts(client.id(), client.industry(), client.region(), client.annualRevenue(), client.employees(), created,
                    null, null, null, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0, 0, 0, null, Set.of(), client.standing().tier(),
                    client.standing().stage(), client.standing().managerId());
        }
        // A relationship imported with its history starts at its first transaction, not at the record's creation.
        LocalDate since = activity.firstTransactionOn() != null && activity.firstTransactionOn().isBefore(created)
                ? activity.firstTransactionOn() : created;
        // a client who transacts and has been a client since before our records began was transacting since then
        LocalDate firstTransaction = activity.firstTransactionOn() != null && client.clientSince() != null
                && client.clientSince().isBefore(activity.firstTransactionOn()) ? client.clientSince() : activity.firstTransactionOn();
        return new ClientFacts(client.id(), client.industry(), client.region(), client.annualRevenue(), client.employees(), since,
                // churn recency counts what the client did (transactions, messages it sent), not the bank's own calls
                firstTransaction, activity.lastTransactionOn(), activity.lastInboundOn(), activity.txCount12m(),
                cny(activity.volume12m(), settings), activity.txCountPrev12m(), cny(activity.volumePrev12m(), settings), activity.txCount90d(),
                activity.txCountPrev90d(), activity.complaints90d(), activity.complaints365d(), null, activity.products(),
                client.standing().tier(), client.standing().stage(), client.standing().managerId());
    }

    private static BigDecimal cny(Map<String, BigDecimal> byCurrency, AccountSettings settings) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : byCurrency.entrySet()) {
            total = total.add(settings.toCny(e.getKey(), e.getValue()));
        }
        return total.max(BigDecimal.ZERO);
    }
}
