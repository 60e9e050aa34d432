package org.rapport.metrics.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.rapport.metrics.Counter;
import org.rapport.metrics.Metrics;
import org.rapport.metrics.Timer;

/** The {@link Metrics} service, one instance per using bundle, removing that bundle's meters when released. */
@Component(scope = ServiceScope.BUNDLE)
public final class BundleMetrics implements Metrics {

    private final MeterRegistry registry;
    private final Set<Meter.Id> made = ConcurrentHashMap.newKeySet();

    @Activate
    public BundleMetrics(@Reference MeterRegistryHolder holder) {
        this(holder.registry());
    }

    BundleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Counter counter(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter.builder(name)
                .description(description).tags(tags).register(registry);
        made.add(counter.getId());
        return new Counter() {
            @Override
            public void increment() {
                counter.increment();
            }

            @Override
            public void increment(double amount) {
                counter.increment(amount);
            }

            @Override
            public double count() {
                return counter.count();
            }
        };
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        io.micrometer.core.instrument.Timer timer = io.micrometer.core.instrument.Timer.builder(name)
                .description(description).tags(tags).publishPercentiles(0.5, 0.99).register(registry);
        made.add(timer.getId());
        return new Timer() {
            @Override
            public void record(Duration duration) {
                timer.record(duration);
            }

            @Override
            public <T> T record(Supplier<T> work) {
                return timer.record(work);
            }

            @Override
            public long count() {
                return timer.count();
            }
        };
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        Gauge gauge = Gauge.builder(name, value).description(description).tags(tags).register(registry);
        made.add(gauge.getId());
    }

    /** Removes every meter this bundle made. */
    @Deactivate
    void removeMeters() {
        made.forEach(registry::remove);
        made.clear();
    }
}
