package org.rapport.campaigns;

import java.time.Instant;

/**
 * A saved segment, reusable across campaigns.
 *
 * @since 0.1
 */
public record Segment(long id, String name, String description, Rule rule, Instant createdAt, Instant updatedAt) {
}
