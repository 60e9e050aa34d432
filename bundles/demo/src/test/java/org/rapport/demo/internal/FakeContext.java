package org.rapport.demo.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A bundle context that answers framework properties from a map and records service (un)registrations. */
final class FakeContext {
    private final Map<String, String> properties;
    final List<Object> registered = new CopyOnWriteArrayList<>();
    final List<Object> unregistered = new CopyOnWriteArrayList<>();

    FakeContext(Map<String, String> properties) {
        this.properties = properties;
    }

    static FakeContext demo() {
        return new FakeContext(Map.of(DemoLoader.DEMO_PROPERTY, "true"));
    }

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "registerService" -> {
                        Object service = args[1];
                        registered.add(service);
                        yield registration(service);
                    }
                    case "toString" -> "FakeContext";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceRegistration<?> registration(Object service) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.add(service);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
