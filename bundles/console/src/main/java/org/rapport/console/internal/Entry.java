package org.rapport.console.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapport.console.ConsolePage;
import org.rapport.console.DashboardCard;
import org.rapport.security.Role;

/**
 * A page or dashboard card as the console lists it: validated, copied, independent of its service.
 * {@code parent} is set for a page that is not listed in the navigation (see {@link ConsolePage#parent()}).
 */
record Entry(String id, String group, int order, Set<Role> roles, Map<String, String> labels, String moduleUrl, String parent) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    Entry {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("page id must be 1-64 letters, digits, '-' or '_': " + id);
        }
        if (moduleUrl == null || !moduleUrl.startsWith("/") || moduleUrl.startsWith("//")) {
            throw new IllegalArgumentException("module URL must be an absolute path on this server: " + moduleUrl);
        }
        roles = Set.copyOf(roles);
        Map<String, String> copy = new LinkedHashMap<>();
        String fallback = labels.getOrDefault("en", labels.getOrDefault("zh", id));
        copy.put("en", labels.getOrDefault("en", fallback));
        copy.put("zh", labels.getOrDefault("zh", fallback));
        labels = Map.copyOf(copy);
        group = group == null || group.isBlank() ? "other" : group;
        parent = parent == null || parent.isBlank() ? null : parent;
        if (parent != null && !ID.matcher(parent).matches()) {
            throw new IllegalArgumentException("parent page id must be 1-64 letters, digits, '-' or '_': " + parent);
        }
    }

    Entry(String id, String group, int order, Set<Role> roles, Map<String, String> labels, String moduleUrl) {
        this(id, group, order, roles, labels, moduleUrl, null);
    }

    static Entry of(ConsolePage page) {
        return new Entry(page.id(), page.group(), page.order(), page.roles(), page.labels(), page.moduleUrl(), page.parent());
    }

    static Entry of(DashboardCard card) {
        return new Entry(card.id(), "dashboard", card.order(), card.roles(), card.titles(), card.moduleUrl());
    }

    /** A page described by {@code rapport.console.page.*} service properties. */
    static Entry of(Map<String, ?> props) {
        Map<String, String> labels = new LinkedHashMap<>();
        putIfText(labels, "en", props.get(ConsolePage.PROPERTY_LABEL_EN));
        putIfText(labels, "zh", props.get(ConsolePage.PROPERTY_LABEL_ZH));
        return new Entry(text(props.get(ConsolePage.PROPERTY_ID)), text(props.get(ConsolePage.PROPERTY_GROUP)),
                order(props.get(ConsolePage.PROPERTY_ORDER)), roles(props.get(ConsolePage.PROPERTY_ROLES)), labels,
                text(props.get(ConsolePage.PROPERTY_MODULE)), text(props.get(ConsolePage.PROPERTY_PARENT)));
    }

    /** A dashboard card described by {@code rapport.console.card.*} service properties. */
    static Entry ofCard(Map<String, ?> props) {
        Map<String, String> titles = new LinkedHashMap<>();
        putIfText(titles, "en", props.get(DashboardCard.PROPERTY_TITLE_EN));
        putIfText(titles, "zh", props.get(DashboardCard.PROPERTY_TITLE_ZH));
        return new Entry(text(props.get(DashboardCard.PROPERTY_ID)), "dashboard", order(props.get(DashboardCard.PROPERTY_ORDER)),
                roles(props.get(DashboardCard.PROPERTY_ROLES)), titles, text(props.get(DashboardCard.PROPERTY_MODULE)));
    }

    private static Set<Role> roles(Object value) {
        Set<Role> roles = new java.util.HashSet<>();
        for (String id : strings(value)) {
            String role = id.strip();
            roles.add(Role.of(role).orElseThrow(() -> new IllegalArgumentException("unknown role '" + role + "'")));
        }
        return roles;
    }

    private static int order(Object order) {
        if (order == null) {
            return 100;
        }
        try {
            return Integer.parseInt(order.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("order must be a whole number: " + order);
        }
    }

    boolean visibleTo(Set<Role> callerRoles) {
        return roles.stream().anyMatch(callerRoles::contains);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("group", group);
        json.put("order", order);
        json.put("labels", labels);
        json.put("module", moduleUrl);
        json.put("roles", roles.stream().map(Role::id).sorted().toList());
        if (parent != null) {
            json.put("parent", parent);
        }
        return json;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void putIfText(Map<String, String> map, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            map.put(key, value.toString());
        }
    }

    private static java.util.List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return java.util.List.of(array);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return value == null ? java.util.List.of() : java.util.List.of(value.toString().split(","));
    }
}
