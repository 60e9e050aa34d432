package org.rapport.console.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapport.console.ConsolePage;
import org.rapport.console.DashboardCard;
import org.rapport.security.Role;

/** A page or dashboard card as the console lists it: validated, copied, independent of its service. */
record Entry(String id, String group, int order, Set<Role> roles, Map<String, String> labels, String moduleUrl) {

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
    }

    static Entry of(ConsolePage page) {
        return new Entry(page.id(), page.group(), page.order(), page.roles(), page.labels(), page.moduleUrl());
    }

    static Entry of(DashboardCard card) {
        return new Entry(card.id(), "dashboard", card.order(), card.roles(), card.titles(), card.moduleUrl());
    }

    /** A page described by {@code rapport.console.page.*} service properties. */
    static Entry of(Map<String, ?> props) {
        Set<Role> roles = new java.util.HashSet<>();
        for (String id : strings(props.get(ConsolePage.PROPERTY_ROLES))) {
            roles.add(Role.of(id).orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "'")));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        putIfText(labels, "en", props.get(ConsolePage.PROPERTY_LABEL_EN));
        putIfText(labels, "zh", props.get(ConsolePage.PROPERTY_LABEL_ZH));
        Object order = props.get(ConsolePage.PROPERTY_ORDER);
        return new Entry(text(props.get(ConsolePage.PROPERTY_ID)), text(props.get(ConsolePage.PROPERTY_GROUP)),
                order == null ? 100 : Integer.parseInt(order.toString().trim()), roles, labels,
                text(props.get(ConsolePage.PROPERTY_MODULE)));
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
