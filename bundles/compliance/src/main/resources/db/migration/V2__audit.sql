-- The audit log: an append-only, hash-chained record of every read and change of client data.
-- seq is the chain position; hash = SHA-256(prev_hash, the entry's fields, personal_digest).
-- The free-text parts that may name a person (the request's query, the reason) are covered through
-- personal_digest (SHA-256 over salt, request, reason), so erasure can blank them (and the salt)
-- without breaking the chain; erased marks such entries.
CREATE TABLE cmp_audit (
    seq             BIGINT PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id        BIGINT NOT NULL,
    actor_name      VARCHAR(200) NOT NULL,
    actor_kind      VARCHAR(10) NOT NULL,
    token_id        VARCHAR(64),
    via             VARCHAR(10) NOT NULL,
    remote_address  VARCHAR(100),
    action          VARCHAR(40) NOT NULL,
    entity          VARCHAR(60) NOT NULL,
    entity_ids      VARCHAR(4000) NOT NULL,
    id_count        INTEGER NOT NULL,
    fields          VARCHAR(2000) NOT NULL,
    client_id       BIGINT,
    contact_id      BIGINT,
    request         VARCHAR(1000),
    reason          VARCHAR(1000),
    salt            VARCHAR(32),
    personal_digest VARCHAR(64) NOT NULL,
    erased          BOOLEAN DEFAULT FALSE NOT NULL,
    prev_hash       VARCHAR(64) NOT NULL,
    hash            VARCHAR(64) NOT NULL
);

CREATE INDEX cmp_audit_at ON cmp_audit (at);
CREATE INDEX cmp_audit_actor ON cmp_audit (actor_id, at);
CREATE INDEX cmp_audit_action ON cmp_audit (action, at);

-- Which clients and contacts an entry is about (every id of a list read), for searching by client.
CREATE TABLE cmp_audit_subject (
    seq        BIGINT NOT NULL,
    kind       VARCHAR(10) NOT NULL,
    subject_id BIGINT NOT NULL
);

CREATE INDEX cmp_audit_subject_lookup ON cmp_audit_subject (kind, subject_id, seq);
CREATE INDEX cmp_audit_subject_seq ON cmp_audit_subject (seq);

-- The chain's head: the last position and hash, locked while entries are appended (one writer at a
-- time across nodes).
CREATE TABLE cmp_audit_head (
    id   INTEGER PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash VARCHAR(64) NOT NULL
);

INSERT INTO cmp_audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
