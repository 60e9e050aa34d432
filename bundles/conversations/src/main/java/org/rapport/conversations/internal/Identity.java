package org.rapport.conversations.internal;

/**
 * Who wrote: a known contact (and their company and its account manager), or nobody known.
 *
 * @param contactId the contact, or {@code null}
 * @param clientId the contact's company, or {@code null}
 * @param managerId the company's account manager, or {@code null}
 * @param name the contact's name, else the name the sender gave, else {@code null}
 * @param verified whether the sender is proven to be the contact (account data may be shown)
 * @param language the contact's language on file, or {@code null}
 */
record Identity(Long contactId, Long clientId, Long managerId, String name, boolean verified, String language) {

    static Identity unknown(String name) {
        return new Identity(null, null, null, name, false, null);
    }

    boolean known() {
        return contactId != null;
    }
}
