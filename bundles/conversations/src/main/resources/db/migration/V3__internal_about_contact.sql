-- An internal message (a campaign's test send to the admin) rendered for a contact names that contact, so that the
-- contact's export holds it and its erasure blanks it; the conversation stays unlinked from the contact (contact_id).
ALTER TABLE conv_conversation ADD COLUMN about_contact_id BIGINT;
CREATE INDEX conv_conversation_about ON conv_conversation (about_contact_id);
