/**
 * Metrics for Rapport bundles: get the {@link org.rapport.metrics.Metrics} service and count,
 * time and gauge; everything appears at {@code GET /metrics} in the Prometheus text format. Meters
 * a bundle made are removed when that bundle stops.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.metrics;
