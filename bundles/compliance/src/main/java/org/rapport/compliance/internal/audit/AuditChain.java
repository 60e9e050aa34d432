package org.rapport.compliance.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit log: each entry's hash is SHA-256 over the previous hash and a
 * length-prefixed encoding of every stored field, the personal parts (request, reason) entering
 * through their salted digest. Pure functions, shared by the writer and the verifier.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** Timestamps are kept to the microsecond (what both databases store). */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    static String personalDigest(String salt, String request, String reason) {
        return sha256(encode(List.of(nullable(salt), nullable(request), nullable(reason))));
    }

    /** The hash of {@code row} chained to {@code prevHash} (the row's own hash fields are ignored). */
    static String hash(String prevHash, AuditRow row) {
        return sha256(prevHash + "\n" + encode(List.of(Long.toString(row.seq()), micros(row.at()), Long.toString(row.actorId()),
                nullable(row.actorName()), nullable(row.actorKind()), nullable(row.tokenId()), nullable(row.via()),
                nullable(row.remoteAddress()), nullable(row.action()), nullable(row.entity()), String.join(",", row.entityIds()),
                Integer.toString(row.idCount()), String.join(",", row.fields()), row.clientId() == null ? "\u0000" : row.clientId().toString(),
                row.contactId() == null ? "\u0000" : row.contactId().toString(), nullable(row.personalDigest()))));
    }

    private static String micros(Instant at) {
        return at.getEpochSecond() + "." + (at.getNano() / 1000);
    }

    private static String nullable(String value) {
        return value == null ? "\u0000" : value;
    }

    private static String encode(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            out.append(value.length()).append(':').append(value).append('|');
        }
        return out.toString();
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
