package org.rapport.conversations.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotation instances for tests: the defaults, with some values replaced. */
final class Configs {

    private Configs() {
    }

    @SuppressWarnings("unchecked")
    static <A> A of(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = method.getDefaultValue();
            if (value == null) {
                throw new IllegalStateException("no value for " + method.getName());
            }
            return value;
        });
    }
}
