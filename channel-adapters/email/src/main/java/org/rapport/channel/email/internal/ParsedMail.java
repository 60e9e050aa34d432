package org.rapport.channel.email.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the parser read from one mail: the sender, threading headers, the body as text (HTML turned
 * into text), the attachments, the headers that matter for loop and bounce detection, and any
 * delivery-status report it carries.
 *
 * @param messageId the Message-ID ({@code <...>}), or {@code null} when it has none
 * @param from the sender's address, lower-case, or {@code null} when there is no usable one
 * @param fromName the sender's name, or {@code null}
 * @param subject the decoded subject, or {@code null}
 * @param text the body as text (before quote and signature stripping)
 * @param sentAt the Date header when plausible, else {@code null}
 * @param references In-Reply-To first, then References (newest last), without repeats
 * @param headers lower-cased names of the loop- and bounce-relevant headers, with their values
 * @param contentType the top-level content type, lower-case, without parameters
 * @param deliveryStatus the text of a {@code message/delivery-status} part, or {@code null}
 * @param returnedMessageId the Message-ID of a returned original (in a bounce), or {@code null}
 * @param parts the attachments found
 * @param flags findings worth keeping with the message (bad charset, structure cut, HTML only)
 */
record ParsedMail(String messageId, String from, String fromName, String subject, String text, Instant sentAt,
        List<String> references, Map<String, String> headers, String contentType, String deliveryStatus, String returnedMessageId,
        List<Part> parts, Map<String, String> flags) {

    /** An attachment as found: its bytes when small enough to keep, else only its size. */
    record Part(String name, String contentType, long size, byte[] content, String note) {}

    String header(String lowerName) {
        return headers.get(lowerName);
    }
}
