package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A visitor token signed by the host site, which already knows who its signed-in user is:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))}, the payload a
 * JSON object with {@code email} (a contact's address on file) or {@code contactId}, and
 * {@code exp} (epoch seconds). An unsigned, wrongly signed, expired or malformed token is refused.
 */
final class HostToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who the host site vouches for. */
    record Claim(Long contactId, String email) {}

    private HostToken() {
    }

    static Optional<Claim> verify(String token, String secret, Instant now) {
        if (secret == null || secret.isEmpty() || token == null || token.length() > 4096) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        byte[] body;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            body = Base64.getUrlDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload, secret), signature)) {
            return Optional.empty();
        }
        try {
            JsonNode claim = JSON.readTree(body);
            if (claim == null || !claim.path("exp").canConvertToLong() || claim.path("exp").asLong() <= now.getEpochSecond()) {
                return Optional.empty();
            }
            Long contactId = claim.path("contactId").canConvertToLong() ? claim.path("contactId").asLong() : null;
            String email = claim.path("email").isTextual() ? claim.path("email").asText() : null;
            return contactId == null && email == null ? Optional.empty() : Optional.of(new Claim(contactId, email));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Signs a payload (what the host site does; used by tests and the README's example). */
    static String issue(String payloadJson, String secret) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(payload, secret));
    }

    private static byte[] sign(String payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
