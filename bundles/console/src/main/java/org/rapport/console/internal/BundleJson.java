package org.rapport.console.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Bundle;

/** The JSON shape of a bundle in the bundles API. */
final class BundleJson {

    private BundleJson() {
    }

    static Map<String, Object> of(Bundle bundle, boolean deployed, boolean isProtected) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", bundle.getBundleId());
        json.put("symbolicName", bundle.getSymbolicName());
        json.put("version", bundle.getVersion().toString());
        json.put("state", state(bundle.getState()));
        String name = bundle.getHeaders("").get("Bundle-Name");
        json.put("name", name == null ? bundle.getSymbolicName() : name);
        json.put("fragment", bundle.getHeaders("").get("Fragment-Host") != null);
        json.put("deployed", deployed);
        json.put("protected", isProtected);
        return json;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }
}
