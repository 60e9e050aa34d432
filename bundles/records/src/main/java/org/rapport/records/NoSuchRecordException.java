package org.rapport.records;

/**
 * Thrown when a record named by id does not exist (or was merged away).
 *
 * @since 0.1
 */
public class NoSuchRecordException extends RuntimeException implements org.rapport.web.ApiProblem {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final long id;

    public NoSuchRecordException(String entity, long id) {
        super("No " + entity + " " + id);
        this.entity = entity;
        this.id = id;
    }

    /** 404. */
    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "not_found";
    }

    public String entity() {
        return entity;
    }

    public long id() {
        return id;
    }
}
