package org.rapport.conversations.internal;

/** The checks every message handed to the Messenger passes, whoever it is for: its key and its text. */
final class OutgoingChecks {

    /** The longest idempotency key accepted. */
    static final int MAX_KEY = 200;

    private OutgoingChecks() {
    }

    /** Why a message with this key and text cannot be queued, or {@code null} when it can. */
    static String keyAndText(String key, String text) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            return "the key must be 1 to " + MAX_KEY + " characters";
        }
        if (text == null || text.isBlank()) {
            return "the text must not be empty";
        }
        return null;
    }
}
