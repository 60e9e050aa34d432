package org.rapport.channel.email.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Where reading a mailbox folder got to: its UIDVALIDITY and the highest UID handled, in
 * {@code email_mailbox_state}; and the mail set aside, in {@code email_rejected}.
 */
final class MailboxState {

    /** The position in one folder. */
    record Position(long uidValidity, long lastUid) {}

    private final Jdbi jdbi;

    MailboxState(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Position> position(String account, String folder) {
        return jdbi.withHandle(h -> h.createQuery("SELECT uid_validity, last_uid FROM email_mailbox_state WHERE account = :a AND folder = :f")
                .bind("a", account).bind("f", folder).map((rs, ctx) -> new Position(rs.getLong(1), rs.getLong(2))).findOne());
    }

    void save(String account, String folder, Position p) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE email_mailbox_state SET uid_validity = :v, last_uid = :u, updated_at = :now "
                    + "WHERE account = :a AND folder = :f").bind("a", account).bind("f", folder).bind("v", p.uidValidity())
                    .bind("u", p.lastUid()).bind("now", now).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO email_mailbox_state (account, folder, uid_validity, last_uid, updated_at) "
                        + "VALUES (:a, :f, :v, :u, :now)").bind("a", account).bind("f", folder).bind("v", p.uidValidity())
                        .bind("u", p.lastUid()).bind("now", now).execute();
            }
        });
    }

    /** Records mail that was not handed to the conversations, and why. */
    void rejected(String account, long uid, ParsedMail mail, String kind, String reason) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO email_rejected (account, uid, message_id, sender, subject, kind, reason, received_at) "
                + "VALUES (:a, :uid, :id, :sender, :subject, :kind, :reason, :now)").bind("a", account).bind("uid", uid)
                .bind("id", cut(mail == null ? null : mail.messageId(), 500)).bind("sender", cut(mail == null ? null : mail.from(), 320))
                .bind("subject", cut(mail == null ? null : mail.subject(), 500)).bind("kind", kind).bind("reason", cut(reason, 1000))
                .bind("now", now).execute());
    }

    /** How many mails of {@code account} were set aside. */
    long rejectedCount(String account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM email_rejected WHERE account = :a").bind("a", account)
                .mapTo(Long.class).one());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
