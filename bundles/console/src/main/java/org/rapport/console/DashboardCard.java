package org.rapport.console;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.rapport.security.Role;

/**
 * A card on the console's dashboard: a title and an ES module exporting
 * {@code render(container, context)} that draws a chart or figures into the card. Registered as
 * an OSGi service by the contributing bundle, which also serves the module; the context is the
 * one described on {@link ConsolePage}.
 *
 * @since 0.1
 */
@ConsumerType
public interface DashboardCard {

    /** A stable id. */
    String id();

    /** Position on the dashboard, lower first. */
    int order();

    /** Roles that may see the card; the caller needs at least one. */
    Set<Role> roles();

    /** The title per language: keys {@code "zh"} and {@code "en"}. */
    Map<String, String> titles();

    /** Absolute path (same origin) of the ES module exporting {@code render(container, context)}. */
    String moduleUrl();
}
