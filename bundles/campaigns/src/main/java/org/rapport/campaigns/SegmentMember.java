package org.rapport.campaigns;

/**
 * One contact a segment matches, as shown in a sample.
 *
 * @since 0.1
 */
public record SegmentMember(long contactId, String contactName, long clientId, String clientName, String language, String tier,
        String stage, String region, Integer churnRisk) {
}
