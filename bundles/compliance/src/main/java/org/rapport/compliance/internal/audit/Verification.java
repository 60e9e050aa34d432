package org.rapport.compliance.internal.audit;

import java.time.Instant;

/**
 * The result of checking the audit chain.
 *
 * @param ok every entry is in place and unaltered
 * @param checked entries checked
 * @param firstBroken the position of the first entry that is missing or altered, or {@code null}
 * @param problem what is wrong there, or {@code null}
 * @param verifiedAt when the check ran
 */
public record Verification(boolean ok, long checked, Long firstBroken, String problem, Instant verifiedAt) {
}
