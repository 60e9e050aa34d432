package org.rapport.configfiles.internal;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${name}} (a framework or system property) and {@code ${env:NAME}} (an
 * environment variable) in configuration values, each with an optional {@code :-default}.
 * An unresolvable placeholder without a default is an error, never silently empty.
 */
final class Interpolator implements UnaryOperator<String> {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(env:)?([A-Za-z0-9_.\\-]+)(:-([^}]*))?}");

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;

    Interpolator(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String apply(String value) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean env = m.group(1) != null;
            String name = m.group(2);
            String resolved = env ? environment.apply(name) : properties.apply(name);
            if (resolved == null) {
                resolved = m.group(4);
            }
            if (resolved == null) {
                throw new IllegalArgumentException((env ? "environment variable " : "property ") + name + " is not set and "
                        + m.group(0) + " has no :-default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }
}
