package org.rapport.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records durations; exported with count, sum, max and percentiles.
 *
 * @since 0.1
 */
@ProviderType
public interface Timer {

    void record(Duration duration);

    <T> T record(Supplier<T> work);

    long count();
}
