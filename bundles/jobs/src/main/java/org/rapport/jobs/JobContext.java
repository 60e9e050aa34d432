package org.rapport.jobs;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running job's handle for reporting. Cheap to call often: state is written to the database
 * at most every few hundred milliseconds and once at the end.
 *
 * @since 0.1
 */
@ProviderType
public interface JobContext {

    /** The job's id. */
    String id();

    /** Sets the expected number of items (e.g. rows), when known. */
    void total(long total);

    /** Sets the number of items done so far. */
    void progress(long done);

    /** Adds {@code delta} to a named count, e.g. {@code "imported"}, {@code "merged"}, {@code "rejected"}. */
    void count(String name, long delta);

    /**
     * Records a problem with one item. The first {@value JobInfo#MAX_ERRORS} are kept with the
     * job; all are counted in {@link JobInfo#errorCount()}.
     *
     * @param item the item's position, e.g. the CSV line number (0 when not applicable)
     * @param field the field concerned, or {@code null}
     * @param message what is wrong, in plain words
     */
    void error(long item, String field, String message);

    /** Sets a small result map shown with the finished job (e.g. a download link). */
    void result(Map<String, Object> result);

    /** True once someone asked this job to stop. */
    boolean cancelled();
}
