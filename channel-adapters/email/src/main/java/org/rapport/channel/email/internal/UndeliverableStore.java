package org.rapport.channel.email.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.channel.email.Undeliverable;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/** The hard-bounced addresses, in the table {@code email_undeliverable}. */
@Component(service = Undeliverable.class)
public final class UndeliverableStore implements Undeliverable {

    private final Jdbi jdbi;
    private final Clock clock;

    @Activate
    public UndeliverableStore(@Reference Store store, @Reference(target = "(bundle=org.rapport.channel.email)") SchemaReady schema) {
        this(store.jdbi(), Clock.systemUTC());
    }

    UndeliverableStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public boolean isUndeliverable(String address) {
        return find(address).isPresent();
    }

    @Override
    public Optional<Entry> find(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT address, reason, account, since FROM email_undeliverable WHERE address = :a")
                .bind("a", normal(address)).map((rs, ctx) -> entry(rs)).findOne());
    }

    @Override
    public List<Entry> list(int max) {
        return jdbi.withHandle(h -> h.createQuery("SELECT address, reason, account, since FROM email_undeliverable ORDER BY since DESC, address "
                + "FETCH FIRST :max ROWS ONLY").bind("max", Math.max(1, max)).map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public void mark(String address, String reason, String account) {
        String a = normal(address);
        String r = reason == null || reason.isBlank() ? "hard bounce" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE email_undeliverable SET reason = :r, account = :acc WHERE address = :a")
                    .bind("a", a).bind("r", r).bind("acc", account == null ? "" : account).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO email_undeliverable (address, reason, account, since) VALUES (:a, :r, :acc, :now)")
                        .bind("a", a).bind("r", r).bind("acc", account == null ? "" : account).bind("now", now).execute();
            }
        });
    }

    @Override
    public boolean clear(String address) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM email_undeliverable WHERE address = :a").bind("a", normal(address))
                .execute()) > 0;
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant since = rs.getObject("since", OffsetDateTime.class).toInstant();
        return new Entry(rs.getString("address"), rs.getString("reason"), rs.getString("account"), since);
    }

    private static String normal(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        return a.length() > 320 ? a.substring(0, 320) : a;
    }
}
