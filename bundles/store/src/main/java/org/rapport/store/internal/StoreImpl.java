package org.rapport.store.internal;

import org.jdbi.v3.core.Jdbi;
import org.rapport.store.Store;
import org.rapport.store.TransactionWork;

/** The Store service: Jdbi transactions whose emitted events go through the outbox. */
public final class StoreImpl implements Store {

    private final Jdbi jdbi;
    private final EventOutbox outbox;

    public StoreImpl(Jdbi jdbi, EventOutbox outbox) {
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public <R, X extends Exception> R inTransaction(TransactionWork<R, X> work) throws X {
        TxImpl tx = new TxImpl(outbox);
        boolean committed = false;
        try {
            R result =
                    jdbi.inTransaction(
                            handle -> {
                                tx.begin(handle);
                                return work.execute(tx);
                            });
            committed = true;
            tx.committed();
            return result;
        } finally {
            if (!committed) {
                tx.rolledBack();
            }
        }
    }
}
