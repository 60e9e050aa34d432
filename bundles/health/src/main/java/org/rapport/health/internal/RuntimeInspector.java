package org.rapport.health.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads the state of the Rapport bundles and their DS components from the running framework. */
final class RuntimeInspector {

    static final String RAPPORT_PREFIX = "org.rapport.";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final String systemLocationPrefix;

    RuntimeInspector(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
        String home = context.getProperty("rapport.home");
        this.systemLocationPrefix = home == null ? null : java.nio.file.Path.of(home, "system").toUri().toString();
    }

    List<Bundle> rapportBundles() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith(RAPPORT_PREFIX))
                .toList();
    }

    List<BundleInfo> bundles(List<Bundle> bundles) {
        return bundles.stream().map(b -> new BundleInfo(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(),
                stateName(b.getState()), isRequired(b), b.getHeaders("").get(Constants.FRAGMENT_HOST) != null)).toList();
    }

    /** A bundle of the distribution itself must be active; one deployed later is reported but not required. */
    private boolean isRequired(Bundle bundle) {
        String location = bundle.getLocation();
        if (location.startsWith("reference:")) {
            location = location.substring("reference:".length());
        }
        return systemLocationPrefix != null && location.startsWith(systemLocationPrefix);
    }

    List<ComponentInfo> components(List<Bundle> bundles) {
        List<ComponentInfo> infos = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            String bundle = description.bundle.symbolicName;
            if (!scr.isComponentEnabled(description)) {
                infos.add(new ComponentInfo(description.name, bundle, ComponentInfo.DISABLED, List.of(), null));
                continue;
            }
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                // a factory-configured component with no configuration yet is waiting, not broken
                String state = "require".equals(description.configurationPolicy) || description.factory != null
                        ? ComponentInfo.WAITING_FOR_CONFIGURATION : ComponentInfo.SATISFIED;
                infos.add(new ComponentInfo(description.name, bundle, state, List.of(), null));
                continue;
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                infos.add(new ComponentInfo(description.name, bundle, componentState(configuration.state),
                        Arrays.stream(configuration.unsatisfiedReferences).map(RuntimeInspector::describe).toList(),
                        configuration.failure));
            }
        }
        return infos;
    }

    private static String describe(UnsatisfiedReferenceDTO reference) {
        return reference.target == null ? reference.name : reference.name + " " + reference.target;
    }

    static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> ComponentInfo.ACTIVE;
            case ComponentConfigurationDTO.SATISFIED -> ComponentInfo.SATISFIED;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> ComponentInfo.WAITING_FOR_CONFIGURATION;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN";
        };
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN";
        };
    }
}
