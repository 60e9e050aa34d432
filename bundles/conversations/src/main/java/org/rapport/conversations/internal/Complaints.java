package org.rapport.conversations.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Complaint reference numbers a client can quote: {@code C-20261205-0042}. */
final class Complaints {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private Complaints() {
    }

    static String reference(Instant at, long id) {
        return "C-" + DAY.format(at) + "-" + String.format("%04d", id);
    }
}
