package org.rapport.conversations.internal;

import java.util.List;
import java.util.Optional;
import org.rapport.compliance.Consents;
import org.rapport.compliance.Purpose;
import org.rapport.conversations.internal.bot.Knowledge;
import org.rapport.education.AnswerSource;
import org.rapport.security.AuditSink;

/**
 * The optional collaborators of the conversations core, bound and unbound while the server runs:
 * the consents (opt-out, unsubscribe links), the education library (answers) and the audit log.
 */
final class Peers implements Knowledge {

    private volatile Consents consents;
    private volatile AnswerSource answers;
    private volatile AuditSink audit;

    void consents(Consents c) {
        consents = c;
    }

    void noConsents(Consents c) {
        if (consents == c) {
            consents = null;
        }
    }

    void answers(AnswerSource a) {
        answers = a;
    }

    void noAnswers(AnswerSource a) {
        if (answers == a) {
            answers = null;
        }
    }

    void audit(AuditSink a) {
        audit = a;
    }

    void noAudit(AuditSink a) {
        if (audit == a) {
            audit = null;
        }
    }

    Optional<Consents> consents() {
        return Optional.ofNullable(consents);
    }

    Optional<AuditSink> audit() {
        return Optional.ofNullable(audit);
    }

    /** The library, or {@code null} while the education bundle is not running. */
    Knowledge knowledge() {
        return answers == null ? null : this;
    }

    @Override
    public List<Passage> find(String question, String language, int max) {
        AnswerSource source = answers;
        if (source == null) {
            return List.of();
        }
        return source.answers(question, language, max).stream()
                .map(a -> new Passage(a.title(), a.passage(), a.url(), a.confidence())).toList();
    }

    boolean isOptOutCommand(String text) {
        Consents c = consents;
        return c != null && c.isOptOutCommand(text);
    }

    /** Unsubscribe headers (RFC 2369 / 8058) for care and marketing mail to a contact; empty otherwise or without consents. */
    java.util.Map<String, String> unsubscribeHeaders(String channel, Long contactId, String purpose) {
        Consents c = consents;
        if (c == null || contactId == null || !"email".equals(channel) || "service".equals(purpose)) {
            return java.util.Map.of();
        }
        String url = c.unsubscribeUrl(contactId, channel, Purpose.of(purpose)).toString();
        return java.util.Map.of("List-Unsubscribe", "<" + url + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
