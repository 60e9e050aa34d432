-- A staff member's own email address (optional): where internal messages to them go, e.g. a
-- campaign's test send to the admin themself.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE security_user ADD COLUMN email VARCHAR(254);
ALTER TABLE security_user ADD COLUMN email_key VARCHAR(254);
CREATE INDEX security_user_email ON security_user (email_key);
