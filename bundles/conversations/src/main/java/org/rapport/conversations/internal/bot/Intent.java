package org.rapport.conversations.internal.bot;

import java.util.Locale;

/** What a client's message asks for. */
public enum Intent {
    GREETING, THANKS, OPT_OUT, HUMAN, COMPLAINT, COMPLAINT_STATUS, ACCOUNT_MANAGER, TRANSACTIONS, QUESTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Intents whose answer shows the client's own account data. */
    public boolean needsVerifiedClient() {
        return this == COMPLAINT_STATUS || this == ACCOUNT_MANAGER || this == TRANSACTIONS;
    }
}
