package org.rapport.store.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rapport.store.MigrationStatus;

/** Keeps the last migration outcome of each bundle; registered as the MigrationStatus service. */
public final class MigrationRegistry implements MigrationStatus {

    private final Map<String, BundleMigration> byBundle = new ConcurrentHashMap<>();

    public void record(BundleMigration migration) {
        byBundle.put(migration.bundle(), migration);
    }

    public void forget(String bundle) {
        byBundle.remove(bundle);
    }

    @Override
    public List<BundleMigration> bundles() {
        return byBundle.values().stream()
                .sorted(Comparator.comparing(BundleMigration::bundle))
                .toList();
    }

    @Override
    public Optional<BundleMigration> bundle(String symbolicName) {
        return Optional.ofNullable(byBundle.get(symbolicName));
    }
}
