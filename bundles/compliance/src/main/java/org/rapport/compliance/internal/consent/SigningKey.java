package org.rapport.compliance.internal.consent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The secret that signs unsubscribe links, kept in {@code cmp_setting} so every node (and every
 * restart) signs and checks alike; created on first use.
 */
final class SigningKey {
    static final String NAME = "unsubscribe.key";

    private SigningKey() {
    }

    static byte[] load(Jdbi jdbi) {
        Optional<String> existing = read(jdbi);
        if (existing.isPresent()) {
            return Base64.getDecoder().decode(existing.get());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO cmp_setting (setting_name, setting_value) VALUES (:name, :value)")
                    .bind("name", NAME)
                    .bind("value", Base64.getEncoder().encodeToString(key))
                    .execute());
            return key;
        } catch (RuntimeException e) {
            // another node created it first: use theirs
            return Base64.getDecoder().decode(read(jdbi).orElseThrow(() -> e));
        }
    }

    private static Optional<String> read(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM cmp_setting WHERE setting_name = :name")
                .bind("name", NAME)
                .mapTo(String.class)
                .findOne());
    }
}
