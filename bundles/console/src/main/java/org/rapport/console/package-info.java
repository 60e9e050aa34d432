/**
 * The Rapport web console's extension points: a feature bundle adds a page to the navigation
 * by registering a {@link org.rapport.console.ConsolePage} service and a card to the dashboard
 * by registering a {@link org.rapport.console.DashboardCard}. Both are whiteboard services:
 * installing the bundle adds them live, stopping or uninstalling it removes them.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.console;
