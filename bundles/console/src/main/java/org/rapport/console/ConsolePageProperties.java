package org.rapport.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * A DS component property type writing the console's {@code rapport.console.page.*} service
 * properties: annotate a component registered under {@code Object} and the console shows the page
 * while the component is active. Retention is CLASS, so a bundle using it needs this bundle only
 * to compile, not at run time.
 *
 * @since 0.1
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ConsolePageProperties {
    String PREFIX_ = "rapport.console.page.";

    /** The page id, used in the hash ({@code #/<id>}). */
    String id();

    /** The navigation group, e.g. {@code clients}, {@code care}, {@code system}. */
    String group();

    /** The position in the group. */
    int order() default 100;

    /** Role ids that may see the page. */
    String[] roles();

    /** {@code rapport.console.page.label.en}. */
    String label_en();

    /** {@code rapport.console.page.label.zh}. */
    String label_zh();

    /** The ES module: an absolute path on this server, served by the contributing bundle. */
    String module();

    /** The listed page this one belongs to; empty for a page listed in the navigation. */
    String parent() default "";
}
