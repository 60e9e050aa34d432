/**
 * Health of a Rapport server: bundles contribute {@link org.rapport.health.HealthCheck}
 * services, and {@code GET /health} reports them with every Rapport bundle and component.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.health;
