package org.rapport.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * A DS component property type writing the console's {@code rapport.console.card.*} service
 * properties: annotate a component registered under {@code Object} and the console shows the card
 * while the component is active. Retention is CLASS, so a bundle using it needs this bundle only
 * to compile, not at run time.
 *
 * @since 0.1
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ConsoleCardProperties {
    String PREFIX_ = "rapport.console.card.";

    /** The card id. */
    String id();

    /** The position on the dashboard. */
    int order() default 100;

    /** Role ids that may see the card. */
    String[] roles();

    /** {@code rapport.console.card.title.en}. */
    String title_en();

    /** {@code rapport.console.card.title.zh}. */
    String title_zh();

    /** The ES module: an absolute path on this server, served by the contributing bundle. */
    String module();
}
