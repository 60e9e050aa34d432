/**
 * Pure account-management decision logic: value score, tier, lifecycle stage, churn risk,
 * manager assignment and follow-up cadence.
 *
 * <p>Everything here is plain Java: no OSGi, no database, no I/O, no clock. Each decision
 * takes the facts and a {@code today} date and returns an immutable result with its
 * reasons in Chinese and English, so the same inputs always give the same output.
 * Nullable parameters and record components are named in the Javadoc; anything not named
 * nullable must not be null.
 */
package org.rapport.accounts.internal.engine;
