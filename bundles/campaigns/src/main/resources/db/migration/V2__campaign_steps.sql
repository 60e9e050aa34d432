-- Follow-up steps of a series (e.g. a welcome series): step k (k >= 1) of a recipient, created when
-- step k-1 is handed to the outbox for them, due at that time plus step k's delay. Step 0 stays in
-- camp_recipient. state: pending (waits for due_at), queued, deferred, skipped (reason_code says why,
-- e.g. the gate's opted_out, or previous_step_skipped, replied), cancelled. delivery: the outbox's
-- latest status of that step's message.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE camp_step_recipient (
    run_id      BIGINT NOT NULL,
    contact_id  BIGINT NOT NULL,
    step        INTEGER NOT NULL,
    state       VARCHAR(20) NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reason_code VARCHAR(40),
    reason      VARCHAR(500),
    message_id  BIGINT,
    delivery    VARCHAR(20),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, contact_id, step)
);

CREATE INDEX camp_step_recipient_due ON camp_step_recipient (run_id, state, due_at);
