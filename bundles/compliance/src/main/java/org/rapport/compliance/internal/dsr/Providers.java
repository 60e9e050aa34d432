package org.rapport.compliance.internal.dsr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rapport.compliance.PersonalDataProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed {@link PersonalDataProvider}s (whiteboard, {@code MULTIPLE} + {@code DYNAMIC}):
 * one per name, the highest-ranked winning; providers with a malformed name are ignored.
 */
@Component(service = Providers.class)
public final class Providers {
    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,60}");

    private final Map<ServiceReference<PersonalDataProvider>, PersonalDataProvider> bound = new ConcurrentHashMap<>();
    private final List<PersonalDataProvider> fixed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ServiceReference<PersonalDataProvider> ref, PersonalDataProvider provider) {
        bound.put(ref, provider);
    }

    void removeProvider(ServiceReference<PersonalDataProvider> ref) {
        bound.remove(ref);
    }

    /** For tests: a provider without a service reference. */
    public static Providers of(List<PersonalDataProvider> providers) {
        Providers result = new Providers();
        for (PersonalDataProvider provider : providers) {
            result.fixed.add(provider);
        }
        return result;
    }

    /** The providers by name, the records provider last (others may still need to look the contact up while they erase). */
    public List<PersonalDataProvider> all() {
        Map<String, PersonalDataProvider> byName = new LinkedHashMap<>();
        fixed.forEach(p -> byName.putIfAbsent(name(p), p));
        bound.entrySet().stream()
                .sorted(Map.Entry.<ServiceReference<PersonalDataProvider>, PersonalDataProvider>comparingByKey().reversed())
                .forEach(e -> {
                    String name = name(e.getValue());
                    if (name == null) {
                        LOG.warn("A personal-data provider without a valid name is ignored ({})", e.getValue().getClass().getName());
                    } else {
                        byName.putIfAbsent(name, e.getValue());
                    }
                });
        byName.remove(null);
        List<PersonalDataProvider> ordered = new ArrayList<>(byName.values());
        ordered.sort(Comparator.comparing((PersonalDataProvider p) -> "records".equals(name(p))).thenComparing(Providers::name));
        return ordered;
    }

    public Optional<PersonalDataProvider> named(String name) {
        return all().stream().filter(p -> name.equals(name(p))).findFirst();
    }

    static String name(PersonalDataProvider provider) {
        try {
            String name = provider.name();
            return name != null && NAME.matcher(name).matches() ? name : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
