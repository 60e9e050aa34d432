-- A conversation's channel ids, newest first (the References and In-Reply-To of each outbound
-- email): without this index every send scanned all channel ids, slower with every message sent.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
CREATE INDEX conv_external_ref_conversation ON conv_external_ref (conversation_id, message_id);
