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
 * <p>Bundles that do not want to compile against this interface may instead register any
 * service under {@code java.lang.Object} with the {@code rapport.console.card.*} properties of
 * {@link #PROPERTY_ID} and its siblings.
 *
 * @since 0.1
 */
@ConsumerType
public interface DashboardCard {

    /** Service property alternative: the card id. */
    String PROPERTY_ID = "rapport.console.card.id";
    /** Service property alternative: the position on the dashboard (integer). */
    String PROPERTY_ORDER = "rapport.console.card.order";
    /** Service property alternative: role ids that may see the card (string or string array). */
    String PROPERTY_ROLES = "rapport.console.card.roles";
    /** Service property alternative: the English title. */
    String PROPERTY_TITLE_EN = "rapport.console.card.title.en";
    /** Service property alternative: the Chinese title. */
    String PROPERTY_TITLE_ZH = "rapport.console.card.title.zh";
    /** Service property alternative: the ES module URL. */
    String PROPERTY_MODULE = "rapport.console.card.module";

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
