package org.rapport.conversations.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The checked values of {@link ConversationsConfig}. */
record Settings(Duration reopenWindow, int maxTextChars, int dispatcherThreads, int claimBatch, int maxAttempts, Duration lease,
        Map<String, Double> rateLimits, String nodeName) {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    Settings {
        rateLimits = Map.copyOf(rateLimits);
    }

    static Settings defaults() {
        return new Settings(Duration.ofDays(7), 20000, 4, 200, 8, Duration.ofSeconds(60),
                Map.of("email", 200.0, "sms", 100.0, "webchat", 500.0), defaultNodeName());
    }

    static Settings of(ConversationsConfig c) {
        Map<String, Double> rates = new HashMap<>();
        for (String entry : c.rateLimits()) {
            int eq = entry.indexOf('=');
            try {
                double rate = Double.parseDouble(entry.substring(eq + 1).trim());
                if (eq <= 0 || rate <= 0) {
                    throw new NumberFormatException();
                }
                rates.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT), rate);
            } catch (RuntimeException e) {
                LOG.warn("Conversations configuration: rate limit '{}' is not channel=messages per second; ignored", entry);
            }
        }
        return new Settings(Duration.ofHours(Math.max(0, c.reopenWindowHours())), Math.max(100, c.maxTextChars()),
                Math.max(1, Math.min(64, c.dispatcherThreads())), Math.max(1, Math.min(1000, c.claimBatch())),
                Math.max(1, c.maxAttempts()), Duration.ofSeconds(Math.max(5, c.leaseSeconds())), rates,
                c.nodeName().isBlank() ? defaultNodeName() : c.nodeName().trim());
    }

    private static String defaultNodeName() {
        return ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    }
}
