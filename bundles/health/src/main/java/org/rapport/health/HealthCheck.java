package org.rapport.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service that reports one aspect of the server's health in {@code GET /health}
 * (e.g. the configuration files, the database, a mailbox connection). Register it as an OSGi
 * service; it is called on every health request, so it must answer quickly from state it keeps,
 * not by doing I/O.
 *
 * <p>A check answering {@link Health.Status#DOWN} makes the whole server DOWN (503); a
 * {@link Health.Status#DEGRADED} one is listed under {@code problems} but keeps it UP.
 *
 * @since 0.1
 */
@ConsumerType
public interface HealthCheck {

    /** A short, stable name, e.g. {@code "config"}; the key under {@code checks} in /health. */
    String name();

    /** The current state. */
    Health check();
}
