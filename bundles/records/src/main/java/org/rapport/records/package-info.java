/**
 * Client records: client companies, their contacts, the interaction timeline, transactions,
 * follow-up tasks and the change history of every field, with duplicate detection and merging.
 *
 * <p>{@link org.rapport.records.Records} is the one service; every change it makes is recorded
 * in the change history and announced on EventAdmin under the topics in
 * {@link org.rapport.records.RecordsEvents}, after the transaction commits.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.5.0")
@org.osgi.annotation.bundle.Export
package org.rapport.records;
