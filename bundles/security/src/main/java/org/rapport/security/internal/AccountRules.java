package org.rapport.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapport.security.Role;

/** What a valid username, display name, password and role list are; errors per field. */
final class AccountRules {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    static final int MAX_PASSWORD = 1024;
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 254;
    /** One address: a local part and a dotted domain, no blanks, no second '@', no angle brackets or commas. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>,;\"()\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private AccountRules() {
    }

    static void checkUsername(String username, Map<String, String> errors) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.put("username", "2 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    static void checkDisplayName(String displayName, Map<String, String> errors) {
        if (displayName != null && (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME)) {
            errors.put("displayName", "1 to " + MAX_DISPLAY_NAME + " characters");
        }
    }

    /**
     * The email address to store: trimmed, or {@code null} for none (null or blank); an invalid one
     * goes to {@code errors}.
     */
    static String email(String email, Map<String, String> errors) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String value = email.strip();
        if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
            errors.put("email", "a single email address such as name@example.com, at most " + MAX_EMAIL + " characters");
            return null;
        }
        return value;
    }

    static void checkPassword(String field, String password, int minLength, Map<String, String> errors) {
        if (password == null || password.length() < minLength) {
            errors.put(field, "at least " + minLength + " characters");
        } else if (password.length() > MAX_PASSWORD) {
            errors.put(field, "at most " + MAX_PASSWORD + " characters");
        }
    }

    /** The roles named by {@code ids}; unknown or missing ones go to {@code errors}. */
    static Set<Role> roles(List<String> ids, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (ids == null || ids.isEmpty()) {
            errors.put("roles", "at least one of " + Roles.ids(EnumSet.allOf(Role.class)));
            return roles;
        }
        for (String id : ids) {
            var role = Role.of(id);
            if (role.isEmpty()) {
                errors.put("roles", "unknown role '" + id + "'; known: " + Roles.ids(EnumSet.allOf(Role.class)));
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }
}
