package org.rapport.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as stored.
 *
 * @param status {@code draft}, {@code scheduled}, {@code running}, {@code paused}, {@code completed}, {@code cancelled}
 * @param runs how many times it was launched
 * @param steps its follow-up steps 1, 2, … (empty: one message per recipient)
 * @since 0.1
 */
public record Campaign(long id, String name, Rule segment, Long segmentId, String channel, String purpose, Map<String, Template> templates,
        List<Long> articleIds, Schedule schedule, int rateLimit, String status, int runs, Instant createdAt, Instant updatedAt,
        List<Step> steps) {

    public Campaign {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A campaign without follow-up steps. */
    public Campaign(long id, String name, Rule segment, Long segmentId, String channel, String purpose, Map<String, Template> templates,
            List<Long> articleIds, Schedule schedule, int rateLimit, String status, int runs, Instant createdAt, Instant updatedAt) {
        this(id, name, segment, segmentId, channel, purpose, templates, articleIds, schedule, rateLimit, status, runs, createdAt, updatedAt,
                List.of());
    }
}
