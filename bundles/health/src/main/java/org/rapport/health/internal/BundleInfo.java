package org.rapport.health.internal;

/** What /health says about one bundle. */
record BundleInfo(long id, String symbolicName, String version, String state, boolean required, boolean fragment) {

    boolean healthy() {
        return fragment ? !state.equals("INSTALLED") && !state.equals("UNINSTALLED") : state.equals("ACTIVE");
    }
}
