package org.rapport.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rapport.console.ConsolePage;
import org.rapport.console.DashboardCard;
import org.rapport.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of console pages and dashboard cards: binds every {@link ConsolePage},
 * {@link DashboardCard} and property-described page or card service ({@code rapport.console.page.*},
 * {@code rapport.console.card.*}) as it comes and goes. Thread-safe.
 */
@Component(service = Registry.class)
public final class Registry {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::order).thenComparing(Entry::id);

    private final Map<Object, Entry> pages = new ConcurrentHashMap<>();
    private final Map<Object, Entry> cards = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPage(ConsolePage page) {
        add(pages, page, () -> Entry.of(page));
    }

    void removePage(ConsolePage page) {
        pages.remove(page);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCard(DashboardCard card) {
        add(cards, card, () -> Entry.of(card));
    }

    void removeCard(DashboardCard card) {
        cards.remove(card);
    }

    @Reference(service = Object.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ConsolePage.PROPERTY_ID + "=*)")
    void addDescribedPage(ServiceReference<?> ref) {
        add(pages, ref, () -> Entry.of(properties(ref)));
    }

    void updatedDescribedPage(ServiceReference<?> ref) {
        pages.remove(ref);
        addDescribedPage(ref);
    }

    void removeDescribedPage(ServiceReference<?> ref) {
        pages.remove(ref);
    }

    @Reference(service = Object.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + DashboardCard.PROPERTY_ID + "=*)")
    void addDescribedCard(ServiceReference<?> ref) {
        add(cards, ref, () -> Entry.ofCard(properties(ref)));
    }

    void updatedDescribedCard(ServiceReference<?> ref) {
        cards.remove(ref);
        addDescribedCard(ref);
    }

    void removeDescribedCard(ServiceReference<?> ref) {
        cards.remove(ref);
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> props = new java.util.HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        return props;
    }

    private static void add(Map<Object, Entry> target, Object key, java.util.function.Supplier<Entry> entry) {
        try {
            target.put(key, entry.get());
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a console contribution that is not valid: {}", e.getMessage());
        }
    }

    /** Pages the given roles may see, by group order then order. */
    List<Entry> pages(Set<Role> roles) {
        return visible(pages, roles);
    }

    /** Dashboard cards the given roles may see. */
    List<Entry> cards(Set<Role> roles) {
        return visible(cards, roles);
    }

    private static List<Entry> visible(Map<Object, Entry> entries, Set<Role> roles) {
        return entries.values().stream().filter(e -> e.visibleTo(roles)).sorted(ORDER).toList();
    }
}
