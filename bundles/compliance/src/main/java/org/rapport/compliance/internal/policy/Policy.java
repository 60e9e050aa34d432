package org.rapport.compliance.internal.policy;

import java.time.Instant;

/**
 * One version of a compliance policy staff must acknowledge.
 *
 * @param id this version's id (acknowledgements are per version)
 * @param code the policy's stable code, e.g. {@code data-handling}
 * @param version 1, 2, ...
 * @param title the title
 * @param body the text
 * @param active whether this is the version in force (older versions are retired)
 * @param publishedBy who published it
 * @param publishedAt when
 */
public record Policy(long id, String code, int version, String title, String body, boolean active, String publishedBy, Instant publishedAt) {
}
