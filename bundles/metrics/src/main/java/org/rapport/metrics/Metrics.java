package org.rapport.metrics;

import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes meters that appear at {@code GET /metrics}. Names are dotted lower case
 * ({@code rapport.outbox.sent}); tags are key/value pairs ({@code "channel", "email"}) and must
 * stay few in distinct values. The same name and tags return the same meter. Each bundle gets its
 * own instance of this service; the meters it made are removed when it releases the service.
 *
 * @since 0.1
 */
@ProviderType
public interface Metrics {

    Counter counter(String name, String description, String... tags);

    Timer timer(String name, String description, String... tags);

    /** A gauge read from {@code value} at every scrape; it is removed when the bundle stops. */
    void gauge(String name, String description, Supplier<Number> value, String... tags);
}
