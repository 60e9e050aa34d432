package org.rapport.console;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.rapport.security.Role;

/**
 * A page of the web console, contributed by a feature bundle as an OSGi service. The console
 * lists it in its navigation for callers holding one of {@link #roles()} and, when opened,
 * imports {@link #moduleUrl()} as an ES module and calls its exported
 * {@code render(container, context)}.
 *
 * <p>The module is served by the contributing bundle itself (a resource or servlet on the HTTP
 * whiteboard), so that it comes and goes with the bundle. {@code context} offers {@code user}
 * ({@code id, username, displayName, roles}), {@code lang} ({@code "zh"} or {@code "en"}),
 * {@code api(path, options)} (fetch with the CSRF header, JSON in and out; rejects with an
 * {@code Error} whose {@code message} is the server's message) and {@code t(key)} (the shell's
 * translations). A module must build its DOM with {@code textContent} and DOM APIs only, never
 * {@code innerHTML} with server data.
 *
 * <p>Bundles that do not want to compile against this interface may instead register any
 * service under {@code java.lang.Object} with the {@code rapport.console.page.*} properties of
 * {@link #PROPERTY_ID} and its siblings.
 *
 * @since 0.1
 */
@ConsumerType
public interface ConsolePage {

    /** Service property alternative: the page id. */
    String PROPERTY_ID = "rapport.console.page.id";
    /** Service property alternative: the navigation group. */
    String PROPERTY_GROUP = "rapport.console.page.group";
    /** Service property alternative: the order within the group (integer). */
    String PROPERTY_ORDER = "rapport.console.page.order";
    /** Service property alternative: role ids that may see the page (string or string array). */
    String PROPERTY_ROLES = "rapport.console.page.roles";
    /** Service property alternative: the English label. */
    String PROPERTY_LABEL_EN = "rapport.console.page.label.en";
    /** Service property alternative: the Chinese label. */
    String PROPERTY_LABEL_ZH = "rapport.console.page.label.zh";
    /** Service property alternative: the ES module URL. */
    String PROPERTY_MODULE = "rapport.console.page.module";
    /** Service property alternative: the id of the listed page this one belongs to (see {@link #parent()}). */
    String PROPERTY_PARENT = "rapport.console.page.parent";

    /** A stable id, used in the URL hash ({@code #/<id>}); letters, digits, {@code -} and {@code _}. */
    String id();

    /** The navigation group, e.g. {@code "system"}, {@code "clients"}, {@code "care"}. */
    String group();

    /** Position within the group, lower first. */
    int order();

    /** Roles that may see the page; the caller needs at least one. */
    Set<Role> roles();

    /** The label per language: keys {@code "zh"} and {@code "en"}. */
    Map<String, String> labels();

    /** Absolute path (same origin) of the ES module exporting {@code render(container, context)}. */
    String moduleUrl();

    /**
     * For a page reached by links rather than from the navigation (e.g. one record's detail,
     * {@code #/client/42}): the id of the listed page it belongs to, which stays highlighted in
     * the navigation while this page is open. A page with a parent is not listed itself.
     *
     * @return the parent page id, or {@code null} (the default) for a page listed in the navigation
     */
    default String parent() {
        return null;
    }
}
