package org.rapport.campaigns.internal;

/** A run being dispatched: its id, campaign, number and the campaign's rate limit. */
record RunRef(long id, long campaignId, int runNo, int rateLimit) {
}
