package org.rapport.campaigns.internal;

/** A contact's fields from the records view, as a template needs them. */
record MemberRow(long contactId, String contactName, String contactTitle, String language, long clientId, String clientName, String tier,
        String stage, String region, String industry, Long managerId, Integer churnRisk) {
}
