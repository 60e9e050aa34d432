package org.rapport.security.internal;

import java.time.Duration;
import org.osgi.framework.BundleContext;

/**
 * The security bundle's settings in usable form: the configuration ({@link SecurityConfig}),
 * the framework property {@code rapport.demo} and the environment variable
 * {@code RAPPORT_ADMIN_PASSWORD}.
 */
record SecuritySettings(Duration sessionTimeout, Lockout lockout, String secureCookie, String initialAdminPassword,
        boolean demo) {

    static final String ADMIN_PASSWORD_ENV = "RAPPORT_ADMIN_PASSWORD";

    static SecuritySettings of(SecurityConfig config, BundleContext context) {
        String initial = config.initialAdminPassword();
        if (initial == null || initial.isBlank()) {
            initial = System.getenv(ADMIN_PASSWORD_ENV);
        }
        return new SecuritySettings(Duration.ofMinutes(Math.max(1, config.sessionTimeoutMinutes())),
                new Lockout(Math.max(1, config.lockoutThreshold()), Duration.ofMinutes(Math.max(1, config.lockoutMinutes()))),
                config.secureCookie(), initial == null || initial.isBlank() ? null : initial,
                "true".equalsIgnoreCase(context.getProperty("rapport.demo")));
    }

    /** Defaults, for tests. */
    static SecuritySettings defaults(boolean demo) {
        return new SecuritySettings(Duration.ofMinutes(480), new Lockout(5, Duration.ofMinutes(15)), "auto", null, demo);
    }

    int minPasswordLength() {
        return demo ? 1 : 8;
    }
}
