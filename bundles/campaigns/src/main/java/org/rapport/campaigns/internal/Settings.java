package org.rapport.campaigns.internal;

/** The configuration, checked: out-of-range values fall back to the defaults. */
record Settings(long tickMillis, int batchSize, int defaultRateLimit, int attributionDays, int dispatchThreads, long minStepDelaySeconds) {
    static final long MIN_STEP_DELAY_SECONDS = 60;

    Settings(long tickMillis, int batchSize, int defaultRateLimit, int attributionDays) {
        this(tickMillis, batchSize, defaultRateLimit, attributionDays, 1, MIN_STEP_DELAY_SECONDS);
    }

    static Settings defaults() {
        return new Settings(500, 200, 50, 30, 2, MIN_STEP_DELAY_SECONDS);
    }

    /** These settings with another minimum delay between steps. */
    Settings withMinStepDelay(long seconds) {
        return new Settings(tickMillis, batchSize, defaultRateLimit, attributionDays, dispatchThreads, seconds);
    }

    static Settings of(CampaignsConfig c) {
        Settings d = defaults();
        return new Settings(c.tickMillis() >= 10 && c.tickMillis() <= 60_000 ? c.tickMillis() : d.tickMillis(),
                c.batchSize() >= 1 && c.batchSize() <= 1000 ? c.batchSize() : d.batchSize(),
                c.defaultRateLimit() >= 1 && c.defaultRateLimit() <= 10_000 ? c.defaultRateLimit() : d.defaultRateLimit(),
                c.attributionDays() >= 1 && c.attributionDays() <= 365 ? c.attributionDays() : d.attributionDays(),
                c.dispatchThreads() >= 1 && c.dispatchThreads() <= 8 ? c.dispatchThreads() : d.dispatchThreads(),
                c.minStepDelaySeconds() >= 1 && c.minStepDelaySeconds() <= 86_400 ? c.minStepDelaySeconds() : d.minStepDelaySeconds());
    }
}
