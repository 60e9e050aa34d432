package org.rapport.compliance.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation instance with its declared defaults, some values optionally replaced (tests, fallbacks). */
public final class Configs {

    private Configs() {
    }

    public static <A> A defaults(Class<A> type) {
        return with(type, Map.of());
    }

    public static <A> A with(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + values;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }));
    }
}
