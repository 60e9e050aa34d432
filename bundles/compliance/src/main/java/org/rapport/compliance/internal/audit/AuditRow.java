package org.rapport.compliance.internal.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audit entry as stored: its place in the chain, who, what, about whom, the personal parts
 * (request, reason) with their salted digest, and the chain hashes.
 */
public record AuditRow(long seq, Instant at, long actorId, String actorName, String actorKind, String tokenId, String via,
        String remoteAddress, String action, String entity, List<String> entityIds, int idCount, List<String> fields, Long clientId,
        Long contactId, String request, String reason, String salt, String personalDigest, boolean erased, String prevHash,
        String hash) {

    public AuditRow {
        entityIds = List.copyOf(entityIds);
        fields = List.copyOf(fields);
    }
}
