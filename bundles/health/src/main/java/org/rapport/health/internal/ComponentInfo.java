package org.rapport.health.internal;

import java.util.List;

/** What /health says about one DS component (one configuration of it). */
record ComponentInfo(String name, String bundle, String state, List<String> unsatisfied, String failure) {

    static final String ACTIVE = "ACTIVE";
    static final String SATISFIED = "SATISFIED";
    static final String WAITING_FOR_CONFIGURATION = "WAITING_FOR_CONFIGURATION";
    static final String DISABLED = "DISABLED";

    /** Whether this component keeps the server from being UP. */
    boolean failing() {
        return switch (state) {
            case ACTIVE, SATISFIED, WAITING_FOR_CONFIGURATION, DISABLED -> false;
            default -> true;
        };
    }
}
