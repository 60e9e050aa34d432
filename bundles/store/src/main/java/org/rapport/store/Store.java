package org.rapport.store;

import org.jdbi.v3.core.Jdbi;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's database access: a shared {@link Jdbi} on the pooled DataSource and
 * transactions that can emit events through a durable outbox.
 *
 * <p>The Store service is registered as soon as the connection pool is up, which may be before
 * a given bundle's tables exist. A component that needs its own tables should not (only)
 * reference Store but also its bundle's {@link SchemaReady} service, for example
 * {@code @Reference(target = "(bundle=org.rapport.records)") SchemaReady schema}.
 *
 * <p>Use the {@link Tx#handle() handle} of the current transaction for all statements of that
 * transaction; do not nest {@link #inTransaction} calls (a nested call runs in a separate
 * transaction on another connection).
 *
 * @since 0.1
 */
@ProviderType
public interface Store {

    /**
     * Manifest header naming a folder inside a bundle whose {@code V<n>__<description>.sql}
     * scripts the store applies, with Flyway, when the bundle starts. Example:
     * {@code Rapport-Migrations: db/migration}.
     */
    String MIGRATIONS_HEADER = "Rapport-Migrations";

    /** Event property carrying the outbox row id of an emitted event, for de-duplication. */
    String EVENT_ID = "event.id";

    /** The shared Jdbi instance (no extra plugins installed beyond Jdbi core). */
    Jdbi jdbi();

    /**
     * Runs {@code work} in one database transaction. If it returns normally the transaction is
     * committed, then the events it {@link Tx#emit emitted} are posted and its
     * {@link Tx#afterCommit after-commit} actions run; if it throws, the transaction is rolled
     * back and nothing is emitted.
     *
     * @param <R> the result type
     * @param <X> the exception type {@code work} may throw
     * @param work the work to run
     * @return what {@code work} returned
     * @throws X what {@code work} threw, after rolling back
     */
    <R, X extends Exception> R inTransaction(TransactionWork<R, X> work) throws X;
}
