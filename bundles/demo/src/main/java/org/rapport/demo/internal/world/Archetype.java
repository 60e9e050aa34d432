package org.rapport.demo.internal.world;

/** The hidden story of a demo company over the last year, which shapes its transactions, interactions and tasks. */
public enum Archetype {
    /** Transactions increase over the year. */
    GROWING("growing"),
    /** A steady client. */
    STABLE("stable"),
    /** Transactions fall off over the year; more complaints. */
    DECLINING("declining"),
    /** No transactions for the last four to nine months. */
    DORMANT("dormant"),
    /** Became a client within the last six months. */
    NEW("new"),
    /** Left for a few months and came back recently. */
    WON_BACK("won-back"),
    /** Not yet a client: contacts and interactions, no transactions. */
    PROSPECT("prospect");

    private final String id;

    Archetype(String id) {
        this.id = id;
    }

    /** The lower-case id, e.g. {@code won-back}. */
    public String id() {
        return id;
    }
}
