package org.rapport.compliance.internal.consent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rapport.compliance.Channels;
import org.rapport.compliance.Purpose;

/**
 * Signed one-click unsubscribe links: {@code <public url>/unsubscribe/<payload>.<signature>}, where
 * the payload names the contact, channel and purpose and the signature is an HMAC-SHA256 (first
 * 16 bytes) with the bundle's signing key, so a link cannot be forged or altered.
 */
public final class UnsubscribeLinks {
    public static final String PATH = "/unsubscribe/";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid link unsubscribes. */
    public record Target(long contactId, String channel, Purpose purpose) {
    }

    private final byte[] key;
    private final String publicUrl;

    public UnsubscribeLinks(byte[] key, String publicUrl) {
        this.key = key.clone();
        String base = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public URI url(long contactId, String channel, Purpose purpose) {
        return URI.create(publicUrl + PATH + token(contactId, channel, purpose));
    }

    String token(long contactId, String channel, Purpose purpose) {
        String payload = ENCODER.encodeToString((contactId + ":" + Channels.of(channel) + ":" + purpose.id()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The target of a token, when its signature is right. */
    public Optional<Target> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Target(Long.parseLong(parts[0]), Channels.of(parts[1]), Purpose.of(parts[2])));
        } catch (IllegalArgumentException e) { // bad base64, number, channel or purpose
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
