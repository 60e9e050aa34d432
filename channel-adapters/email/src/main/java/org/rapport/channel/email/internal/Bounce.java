package org.rapport.channel.email.internal;

/**
 * A delivery failure report read from a bounce.
 *
 * @param recipient the address that failed, lower-case, or {@code null} when the report names none
 * @param status the enhanced status code (e.g. {@code 5.1.1}), or {@code null}
 * @param hard true when the address itself is bad (no such user or domain, disabled): it must not
 *        be mailed again
 * @param delayed true for a "still trying" notice (not a failure)
 * @param detail the server's words
 * @param originalMessageId the Message-ID of the mail that failed, or {@code null}
 */
record Bounce(String recipient, String status, boolean hard, boolean delayed, String detail, String originalMessageId) {}
