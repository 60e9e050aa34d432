package org.rapport.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/** Boots the OSGi framework with the distribution's bundles, and stops it. */
public final class Launcher {

    private final Distribution distribution;
    private final Options options;
    private Framework framework;

    public Launcher(Distribution distribution, Options options) {
        this.distribution = distribution;
        this.options = options;
    }

    /** Starts the framework; returns once every start level has been reached. */
    public Framework start() throws BundleException {
        Map<String, String> props = new HashMap<>(distribution.frameworkProperties(options));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        framework = factory.newFramework(props);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (BundleSpec spec : distribution.bundles()) {
            // "reference:" installs the jar in place instead of copying it into the cache
            Bundle bundle = context.installBundle("reference:" + spec.jar().toUri());
            bundle.adapt(BundleStartLevel.class).setStartLevel(spec.startLevel());
            installed.add(bundle);
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
        framework.start();
        return framework;
    }

    /** Stops the framework and waits up to {@code timeoutMillis} for it. */
    public boolean stop(long timeoutMillis) throws BundleException, InterruptedException {
        if (framework == null) {
            return true;
        }
        framework.stop();
        FrameworkEvent event = framework.waitForStop(timeoutMillis);
        return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }
}
