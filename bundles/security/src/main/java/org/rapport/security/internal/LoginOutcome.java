package org.rapport.security.internal;

/** The result of a sign-in attempt. */
sealed interface LoginOutcome {

    /** Right username and password of an enabled account. */
    record Success(UserRow user) implements LoginOutcome {
    }

    /** Wrong username or password, or a disabled account (callers cannot tell which). */
    record Invalid() implements LoginOutcome {
    }

    /** Too many failures for this username: refused without checking the password. */
    record Locked(long retryAfterSeconds) implements LoginOutcome {
    }
}
