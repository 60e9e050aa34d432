package org.rapport.campaigns;

import java.util.Map;

/**
 * A follow-up step of a campaign (a series such as a welcome series): sent to each recipient
 * {@code delay} after the previous step was handed to the outbox for them, with its own templates.
 * Step 0 is the campaign's own templates; {@link CampaignInput#steps()} holds steps 1, 2, …
 *
 * @param delay an ISO-8601 duration counted from the previous step's hand-over, e.g. {@code P3D}
 *     (three days) or {@code PT12H}; at least the configured minimum (one minute by default), at most 365 days
 * @param templates per language ({@code zh}, {@code en}), checked like the campaign's own templates
 * @since 0.1
 */
public record Step(String delay, Map<String, Template> templates) {
}
