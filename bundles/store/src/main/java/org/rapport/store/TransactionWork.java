package org.rapport.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work done inside one {@link Store#inTransaction store transaction}.
 *
 * @param <R> the result type
 * @param <X> the exception type the work may throw
 * @since 0.1
 */
@ConsumerType
@FunctionalInterface
public interface TransactionWork<R, X extends Exception> {

    /**
     * Does the work.
     *
     * @param tx the running transaction
     * @return the result handed back by {@link Store#inTransaction}
     * @throws X to roll the transaction back
     */
    R execute(Tx tx) throws X;
}
