/**
 * Background jobs: long-running work (a CSV import, an index rebuild, a bulk recomputation)
 * submitted by a feature bundle, run on the jobs bundle's executor, with persisted state,
 * progress, counts and a per-item error report that staff follow in the console and at
 * {@code GET /api/v1/jobs/{id}}.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.jobs;
