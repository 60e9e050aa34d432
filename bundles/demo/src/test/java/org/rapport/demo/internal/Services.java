package org.rapport.demo.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.event.Event;
import org.rapport.accounts.internal.AccountsConfig;
import org.rapport.accounts.internal.AccountsService;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.records.internal.RecordsService;
import org.rapport.store.Store;
import org.rapport.store.TransactionWork;
import org.rapport.store.Tx;
import org.rapport.testing.FakeStaff;
import org.rapport.testing.TestDb;

/**
 * The real records and accounts services over a throwaway database (H2 or PostgreSQL) and a fake staff directory,
 * built through their public activation constructors as the server builds them. With {@code deliverEvents} the
 * records events reach the accounts service after commit, as EventAdmin delivers them in the server, so its
 * background assignment and scoring run alongside.
 */
final class Services implements AutoCloseable {
    final TestDb db;
    final Records records;
    final AccountsService accounts;
    final FakeStaff staff = new FakeStaff();

    private Services(TestDb db, boolean deliverEvents) {
        this.db = db;
        EventStore store = new EventStore(db.store(), deliverEvents);
        this.records = new RecordsService(store, TestDb.schemaReady("org.rapport.records"));
        this.accounts = new AccountsService(store, TestDb.schemaReady("org.rapport.accounts"), records, staff, defaults());
        store.accounts = accounts;
    }

    static Services open(String kind, boolean deliverEvents) throws SQLException {
        TestDb db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V1__accounts.sql");
        return new Services(db, deliverEvents);
    }

    @Override
    public void close() throws Exception {
        try {
            // the public constructor starts the accounts bundle's background thread; SCR would deactivate it
            Method deactivate = AccountsService.class.getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(accounts);
        } finally {
            db.close();
        }
    }

    /** The account management configuration with every attribute at its default. */
    private static AccountsConfig defaults() {
        return (AccountsConfig) Proxy.newProxyInstance(AccountsConfig.class.getClassLoader(),
                new Class<?>[] {AccountsConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> AccountsConfig.class;
                    case "toString" -> "AccountsConfig(defaults)";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> method.getDefaultValue();
                });
    }

    /** The test database's store, optionally handing records events to the accounts service after commit. */
    private static final class EventStore implements Store {
        private final Store delegate;
        private final boolean deliver;
        private volatile AccountsService accounts;

        EventStore(Store delegate, boolean deliver) {
            this.delegate = delegate;
            this.deliver = deliver;
        }

        @Override
        public Jdbi jdbi() {
            return delegate.jdbi();
        }

        @Override
        public <R, X extends Exception> R inTransaction(TransactionWork<R, X> work) throws X {
            return delegate.inTransaction(tx -> work.execute(new Tx() {
                @Override
                public Handle handle() {
                    return tx.handle();
                }

                @Override
                public void afterCommit(Runnable action) {
                    tx.afterCommit(action);
                }

                @Override
                public long emit(String topic, Map<String, Object> properties) {
                    long id = tx.emit(topic, properties);
                    AccountsService handler = accounts;
                    if (deliver && handler != null && topic.startsWith(RecordsEvents.PREFIX)) {
                        Map<String, Object> copy = Map.copyOf(properties);
                        tx.afterCommit(() -> handler.handleEvent(new Event(topic, copy)));
                    }
                    return id;
                }
            }));
        }
    }
}
