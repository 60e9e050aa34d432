package org.rapport.logbridge.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards OSGi log entries (SCR, ConfigAdmin, FileInstall, EventAdmin write there) and
 * framework errors to SLF4J, so everything lands in one log with one clear line per problem.
 */
@Component(immediate = true)
public final class LogBridge implements LogListener, FrameworkListener {

    private final LogReaderService reader;
    private final BundleContext context;

    @Activate
    public LogBridge(@Reference LogReaderService reader, BundleContext context) {
        this.reader = reader;
        this.context = context;
        reader.addLogListener(this);
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Logger logger = LoggerFactory.getLogger(loggerName(entry));
        String message = LogLines.oneLine(entry.getMessage(), entry.getException());
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error("{}", message, entry.getException());
            case WARN -> logger.warn("{}", message, entry.getException());
            // framework events and library chatter: kept out of the terminal, there for debugging
            default -> logger.debug("{}", message);
        }
    }

    private static String loggerName(LogEntry entry) {
        String name = entry.getLoggerName();
        if (name != null && !name.isEmpty() && !"LogService".equals(name)) {
            return name;
        }
        Bundle bundle = entry.getBundle();
        return bundle == null ? "osgi" : bundle.getSymbolicName();
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.ERROR && event.getType() != FrameworkEvent.WARNING) {
            return;
        }
        Bundle bundle = event.getBundle();
        String name = bundle == null || bundle.getBundleId() == 0 ? "framework" : bundle.getSymbolicName();
        Logger logger = LoggerFactory.getLogger(name == null ? "framework" : name);
        String message = LogLines.oneLine("Bundle " + (bundle == null ? "?" : bundle.getLocation()), event.getThrowable());
        if (event.getType() == FrameworkEvent.ERROR) {
            logger.error("{}", message, event.getThrowable());
        } else {
            logger.warn("{}", message, event.getThrowable());
        }
    }
}
