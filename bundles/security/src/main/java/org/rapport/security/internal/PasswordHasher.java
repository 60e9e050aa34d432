package org.rapport.security.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.function.Supplier;

/**
 * Argon2id password hashes (password4j) in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with OWASP's minimum parameters.
 */
final class PasswordHasher {
    private static final int MEMORY_KIB = 19456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int LENGTH = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function function;
    private final String dummyHash;

    PasswordHasher() {
        this.function = withBundleClassLoader(() -> Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, LENGTH,
                Argon2.ID, Argon2Function.ARGON2_VERSION_13));
        this.dummyHash = hash("a password nobody has " + Secrets.random(8));
    }

    String hash(String password) {
        return withBundleClassLoader(() -> Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult());
    }

    /** True if {@code password} matches {@code hash}; false for a malformed hash. */
    boolean verify(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return withBundleClassLoader(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends as long as a real check, for callers whose username does not exist. */
    void verifyDummy(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    /** password4j reads psw4j.properties through the context class loader first: point it at this bundle. */
    private static <T> T withBundleClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PasswordHasher.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
