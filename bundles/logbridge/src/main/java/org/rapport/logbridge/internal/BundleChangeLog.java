package org.rapport.logbridge.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line for each bundle installed, updated, started, stopped or uninstalled while the
 * server runs (hot deploy, console upload), so staff see what changed.
 */
@Component(immediate = true)
public final class BundleChangeLog implements SynchronousBundleListener {
    private static final Logger LOG = LoggerFactory.getLogger("bundles");

    private final BundleContext context;

    @Activate
    public BundleChangeLog(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle framework = context.getBundle(0);
        if (framework == null || framework.getState() != Bundle.ACTIVE || event.getBundle().getBundleId() == 0) {
            return; // starting up or shutting down: not news
        }
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.STARTED -> "started";
            case BundleEvent.STOPPED -> "stopped";
            case BundleEvent.UNINSTALLED -> "uninstalled";
            default -> null;
        };
        if (what != null) {
            Bundle bundle = event.getBundle();
            LOG.info("Bundle {} {} {} ({})", bundle.getSymbolicName(), bundle.getVersion(), what, bundle.getLocation());
        }
    }
}
