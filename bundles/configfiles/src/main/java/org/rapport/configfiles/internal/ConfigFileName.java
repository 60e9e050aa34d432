package org.rapport.configfiles.internal;

import java.util.Optional;

/**
 * The configuration a file name stands for: {@code <pid>.cfg[.json]} or, for one instance of a
 * factory configuration, {@code <factoryPid>~<name>.cfg[.json]}.
 */
record ConfigFileName(String pid, String factoryPid, String name, boolean json) {

    static Optional<ConfigFileName> parse(String fileName) {
        boolean json = fileName.endsWith(".cfg.json");
        if (!json && !fileName.endsWith(".cfg")) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - (json ? ".cfg.json".length() : ".cfg".length()));
        if (base.isEmpty() || base.startsWith(".")) {
            return Optional.empty();
        }
        int tilde = base.indexOf('~');
        if (tilde > 0 && tilde < base.length() - 1) {
            return Optional.of(new ConfigFileName(null, base.substring(0, tilde), base.substring(tilde + 1), json));
        }
        return Optional.of(new ConfigFileName(base, null, null, json));
    }

    /** The key that files of the same configuration share across folders. */
    String key() {
        return factoryPid == null ? pid : factoryPid + "~" + name;
    }
}
