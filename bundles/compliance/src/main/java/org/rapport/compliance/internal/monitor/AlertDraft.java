package org.rapport.compliance.internal.monitor;

/** An alert a rule wants raised; {@code dedupeKey}: repeats while an alert with this key is unresolved only count up. */
record AlertDraft(String rule, String severity, String dedupeKey, String title, String detail, Long userId, Long clientId, Long contactId) {
}
