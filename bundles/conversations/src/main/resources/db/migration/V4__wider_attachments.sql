-- A mail with many attachments, each with a name and a location under the data directory, did not fit 4000
-- characters (the mailbox then tried the mail again and again). Inbound messages now keep at most 50 attachment
-- entries with bounded names, and the columns hold that.
ALTER TABLE conv_message ALTER COLUMN attachments SET DATA TYPE VARCHAR(100000);
ALTER TABLE conv_message ALTER COLUMN flags SET DATA TYPE VARCHAR(20000);
