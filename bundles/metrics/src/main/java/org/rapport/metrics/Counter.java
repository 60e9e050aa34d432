package org.rapport.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A monotonically increasing count.
 *
 * @since 0.1
 */
@ProviderType
public interface Counter {

    void increment();

    void increment(double amount);

    double count();
}
