package org.rapport.records.internal;

import java.util.ArrayList;
import java.util.List;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;

/** How two client records become one: the target's values win, its empty fields take the source's, tags are joined. */
final class Merging {

    private Merging() {
    }

    static ClientInput fields(Client target, Client source) {
        return fields(ClientInput.of(target), ClientInput.of(source));
    }

    static ClientInput fields(ClientInput target, ClientInput source) {
        List<String> tags = new ArrayList<>(target.tags());
        tags.addAll(source.tags());
        return new ClientInput(
                target.name(),
                first(target.registrationNo(), source.registrationNo()),
                first(target.industry(), source.industry()),
                first(target.region(), source.region()),
                first(target.annualRevenue(), source.annualRevenue()),
                first(target.employees(), source.employees()),
                Normalise.tags(tags).subList(0, Math.min(30, Normalise.tags(tags).size())),
                target.status(),
                first(target.clientSince(), source.clientSince()));
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
