package org.rapport.search;

import java.time.Instant;
import java.util.Map;

/**
 * The state of the search index.
 *
 * @param documents documents per type
 * @param state {@code ready}, {@code rebuilding} or {@code unavailable}
 * @param pending changes received and not yet indexed
 * @param lastRebuild when the last full rebuild finished, or {@code null}
 * @param rebuildProgress documents written by a running rebuild, else 0
 * @since 0.1
 */
public record IndexStatus(Map<String, Long> documents, String state, long pending, Instant lastRebuild, long rebuildProgress) {

    public IndexStatus {
        documents = Map.copyOf(documents);
    }
}
