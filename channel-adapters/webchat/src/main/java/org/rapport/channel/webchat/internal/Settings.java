package org.rapport.channel.webchat.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The web chat configuration, checked and in usable types. */
record Settings(Set<String> allowedOrigins, int maxMessageChars, int framesPerMinute, int burst, Duration idleTimeout,
        Duration sessionLifetime, int maxAttachmentBytes, Set<String> attachmentTypes, Duration codeTtl, int codeMaxAttempts,
        int codesPerHour, String hostTokenSecret, Duration offlineEmailAfter) {

    static Settings of(WebChatConfig c) {
        return new Settings(normalise(c.allowedOrigins()), Math.max(1, c.maxMessageChars()), Math.max(1, c.framesPerMinute()),
                Math.max(1, c.burst()), Duration.ofSeconds(Math.max(5, c.idleTimeoutSeconds())),
                Duration.ofHours(Math.max(1, c.sessionHours())), Math.max(1, c.maxAttachmentBytes()), normalise(c.attachmentTypes()),
                Duration.ofSeconds(Math.max(30, c.codeTtlSeconds())), Math.max(1, c.codeMaxAttempts()), Math.max(1, c.codesPerHour()),
                c.hostTokenSecret() == null ? "" : c.hostTokenSecret(), Duration.ofSeconds(Math.max(0, c.offlineEmailAfterSeconds())));
    }

    /** Defaults, for tests. */
    static Settings defaults() {
        return new Settings(Set.of(), 2000, 60, 10, Duration.ofMinutes(5), Duration.ofDays(30), 1024 * 1024,
                Set.of("image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain"), Duration.ofMinutes(10), 5, 5, "",
                Duration.ofMinutes(1));
    }

    private static Set<String> normalise(String[] values) {
        return values == null ? Set.of() : Arrays.stream(values).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .collect(Collectors.toUnmodifiableSet());
    }
}
