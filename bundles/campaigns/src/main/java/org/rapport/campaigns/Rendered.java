package org.rapport.campaigns;

/**
 * A template rendered for one contact.
 *
 * @since 0.1
 */
public record Rendered(long contactId, String language, String subject, String body) {
}
