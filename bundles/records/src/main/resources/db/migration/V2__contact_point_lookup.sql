-- Duplicate detection looks many emails / phones up at once (point_key IN (...)): H2 only uses an
-- index for that when one leads with point_key (with kind first it scanned every point).
CREATE INDEX rec_contact_point_lookup ON rec_contact_point (point_key);
