-- Background jobs: one row per submitted job, its state, progress, counts and item errors.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE job (
    id          VARCHAR(64) PRIMARY KEY,
    type        VARCHAR(100) NOT NULL,
    title       VARCHAR(500) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    total       BIGINT DEFAULT -1 NOT NULL,
    done        BIGINT DEFAULT 0 NOT NULL,
    -- JSON object of named counts, e.g. {"imported": 120, "rejected": 3}
    counts      TEXT NOT NULL,
    -- JSON array of the first 1000 item errors [{"item", "field", "message"}]
    errors      TEXT NOT NULL,
    error_count BIGINT DEFAULT 0 NOT NULL,
    -- JSON object set by the work, e.g. a download link
    result      TEXT NOT NULL,
    message     TEXT,
    owner_id    BIGINT NOT NULL,
    owner_name  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX job_owner_created ON job (owner_id, created_at);

CREATE INDEX job_created ON job (created_at);

CREATE INDEX job_state ON job (state);
