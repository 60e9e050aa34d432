package org.rapport.campaigns;

import java.util.List;
import java.util.Map;

/**
 * What an admin defines for a campaign.
 *
 * @param name the name
 * @param segment an inline rule, or {@code null} when {@code segmentId} names a saved segment
 * @param segmentId a saved segment, or {@code null}
 * @param channel {@code email}, {@code sms} or {@code webchat}
 * @param purpose {@code care} or {@code marketing}
 * @param templates per language ({@code zh}, {@code en}); the contact's language is used, else the other
 * @param articleIds education articles linked in (as {@code articles})
 * @param schedule when it runs ({@code null}: manual)
 * @param rateLimit messages per second handed to the outbox ({@code null}: 50)
 * @param steps follow-up steps 1, 2, … (at most 10; {@code null} or empty: one message per recipient), each sent its delay after
 *     the previous one was handed over to a recipient who has not opted out, replied or been skipped since
 * @since 0.1
 */
public record CampaignInput(String name, Rule segment, Long segmentId, String channel, String purpose, Map<String, Template> templates,
        List<Long> articleIds, Schedule schedule, Integer rateLimit, List<Step> steps) {

    /** A campaign of one message per recipient (no follow-up steps). */
    public CampaignInput(String name, Rule segment, Long segmentId, String channel, String purpose, Map<String, Template> templates,
            List<Long> articleIds, Schedule schedule, Integer rateLimit) {
        this(name, segment, segmentId, channel, purpose, templates, articleIds, schedule, rateLimit, null);
    }
}
