package org.rapport.channel.webchat.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A one-time code sent to a visitor's email on file: six digits, kept only as a salted hash, valid
 * until {@code expiresAt} and for a limited number of wrong tries.
 *
 * @param contactId the contact the code proves
 * @param hash SHA-256 of salt and code
 * @param salt random per code
 * @param expiresAt when it stops working
 * @param attemptsLeft wrong tries left
 */
record OneTimeCode(long contactId, String hash, String salt, Instant expiresAt, int attemptsLeft) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of checking a code. */
    enum Check {
        OK, WRONG, EXPIRED, EXHAUSTED
    }

    /** A code and what to keep of it. */
    record Issued(String code, OneTimeCode kept) {}

    static Issued issue(long contactId, Instant expiresAt, int attempts) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String s = HexFormat.of().formatHex(salt);
        return new Issued(code, new OneTimeCode(contactId, hash(s, code), s, expiresAt, attempts));
    }

    /** Checks a try; the caller keeps {@link #afterWrongTry()} when it was wrong. */
    Check check(String tried, Instant now) {
        if (attemptsLeft <= 0) {
            return Check.EXHAUSTED;
        }
        if (!now.isBefore(expiresAt)) {
            return Check.EXPIRED;
        }
        String candidate = tried == null ? "" : tried.replaceAll("\\s", "");
        boolean same = MessageDigest.isEqual(hash(salt, candidate).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
        return same ? Check.OK : Check.WRONG;
    }

    OneTimeCode afterWrongTry() {
        return new OneTimeCode(contactId, hash, salt, expiresAt, attemptsLeft - 1);
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
