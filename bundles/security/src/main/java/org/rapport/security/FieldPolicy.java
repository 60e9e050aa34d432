package org.rapport.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may read which field of the client records whole. Each field ({@code entity.field}, e.g.
 * {@code contact.phones}) has a {@link Sensitivity} from configuration; each role a clearance; a
 * caller's clearance is the highest of their roles'. A value above the caller's clearance is shown
 * {@linkplain #mask masked} (e.g. {@code 138****5678}); showing it whole is an audited "unmask"
 * action with a reason, which the bundle serving the value offers.
 *
 * <p>Fields are named as the REST API names them: entity {@code client} or {@code contact}, field
 * e.g. {@code phones}, {@code emails}, {@code registrationNo}, {@code annualRevenue}. A field not
 * in the configuration has the configured default level.
 *
 * @since 0.1
 */
@ProviderType
public interface FieldPolicy {

    /** The level of a field. */
    Sensitivity sensitivity(String entity, String field);

    /** The highest level the caller may read whole ({@link Principal#SYSTEM}: all). */
    Sensitivity clearance(Principal caller);

    /** Whether the caller may read this field whole. */
    default boolean visible(Principal caller, String entity, String field) {
        return sensitivity(entity, field).compareTo(clearance(caller)) <= 0;
    }

    /**
     * The value masked: a phone number keeps its first three and last four digits
     * ({@code 138****5678}), an email address its first character and domain
     * ({@code z***@acme.com}), anything else its first and last character; {@code null} stays
     * {@code null}.
     */
    String mask(String value);

    /** The value as this caller may see it: whole when {@link #visible}, else {@link #mask masked}. */
    default String view(Principal caller, String entity, String field, String value) {
        return visible(caller, entity, field) ? value : mask(value);
    }
}
