-- A read-only view of the explicitly recorded consent states (no row: the configured default),
-- documented in the README for audience selection by other bundles (campaign segments).
CREATE VIEW cmp_consent_state AS
SELECT contact_id, channel, purpose, granted, changed_at FROM cmp_consent;
