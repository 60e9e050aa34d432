package org.rapport.jobs.internal;

import java.util.UUID;
import java.util.regex.Pattern;

/** Job ids: 32 random hex digits (a UUID without dashes), safe in URLs and hard to guess. */
final class JobIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private JobIds() {
    }

    static String next() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** True when {@code id} could be a job id (anything else is not looked up). */
    static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
