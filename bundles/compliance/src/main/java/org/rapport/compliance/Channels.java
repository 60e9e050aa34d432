package org.rapport.compliance;

import java.util.List;
import java.util.Locale;

/**
 * The channels consent is given for.
 *
 * @since 0.1
 */
public final class Channels {
    public static final String EMAIL = "email";
    public static final String SMS = "sms";
    public static final String WEBCHAT = "webchat";
    /** All channels, in display order. */
    public static final List<String> ALL = List.of(EMAIL, SMS, WEBCHAT);

    private Channels() {
    }

    /**
     * The channel id for {@code name} (any case, blanks ignored).
     *
     * @throws IllegalArgumentException when it is not one of {@link #ALL}
     */
    public static String of(String name) {
        String id = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!ALL.contains(id)) {
            throw new IllegalArgumentException("Unknown channel '" + name + "' (email, sms or webchat)");
        }
        return id;
    }
}
