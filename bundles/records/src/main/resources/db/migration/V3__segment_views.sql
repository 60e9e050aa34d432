-- Read-only views other bundles may query for audience selection (campaign segments), documented
-- in the README as part of the records API: live contacts with their company's fields and
-- standing, interactions and transactions. Columns are only ever added to these views.
CREATE VIEW rec_segment_contact AS
SELECT ct.id AS contact_id, ct.client_id AS client_id, ct.name AS contact_name, ct.title AS contact_title, ct.language AS language,
       ct.preferred_channel AS preferred_channel, ct.time_zone AS time_zone,
       cl.name AS client_name, cl.industry AS industry, cl.region AS region, cl.tags AS tags, cl.status AS status,
       cl.tier AS tier, cl.stage AS stage, cl.manager_id AS manager_id, cl.churn_risk AS churn_risk,
       cl.value_score AS value_score, cl.annual_revenue AS annual_revenue, cl.client_since AS client_since
FROM rec_contact ct JOIN rec_client cl ON cl.id = ct.client_id
WHERE ct.deleted = FALSE AND cl.merged_into IS NULL;

CREATE VIEW rec_segment_interaction AS
SELECT client_id, contact_id, channel, direction, kind, occurred_at FROM rec_interaction;

CREATE VIEW rec_segment_transaction AS
SELECT client_id, occurred_on, amount, currency FROM rec_transaction;
