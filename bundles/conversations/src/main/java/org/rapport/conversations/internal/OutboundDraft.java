package org.rapport.conversations.internal;

import java.util.List;
import org.rapport.conversations.Message;

/**
 * An outbound message about to be written: who wrote it and what, for which purpose.
 *
 * @param author {@code bot}, {@code staff} or {@code system}
 * @param staffId the staff author, or {@code null}
 * @param subject the subject, or {@code null}
 * @param text the text
 * @param html an HTML alternative, or {@code null}
 * @param intent the bot's intent, or {@code null}
 * @param sources the articles the text draws from
 * @param purpose {@code service}, {@code care} or {@code marketing}
 * @param key the idempotency key
 */
record OutboundDraft(String author, Long staffId, String subject, String text, String html, String intent, List<Message.Source> sources,
        String purpose, String key) {

    OutboundDraft {
        sources = List.copyOf(sources);
    }
}
