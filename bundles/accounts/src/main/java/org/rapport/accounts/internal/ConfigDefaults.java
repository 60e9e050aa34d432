package org.rapport.accounts.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** An {@link AccountsConfig} with the declared defaults, optionally some values replaced (for tests and fallbacks). */
final class ConfigDefaults {

    private ConfigDefaults() {
    }

    static AccountsConfig get() {
        return with(Map.of());
    }

    static AccountsConfig with(Map<String, Object> values) {
        return (AccountsConfig) Proxy.newProxyInstance(AccountsConfig.class.getClassLoader(), new Class<?>[] {AccountsConfig.class},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> AccountsConfig.class;
                        case "toString" -> "AccountsConfig" + values;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
