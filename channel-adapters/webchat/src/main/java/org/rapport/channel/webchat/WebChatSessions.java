package org.rapport.channel.webchat;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The live state of the web chat channel, for monitoring and for other bundles that want to know
 * whether a visitor is reachable in the chat right now (else a reply continues by email).
 *
 * @since 0.1
 */
@ProviderType
public interface WebChatSessions {

    /** Visitors with an open WebSocket or long-poll connection. */
    int connected();

    /** Sessions known (connected or not, not yet expired). */
    int sessions();

    /**
     * Whether the chat session with this id (the conversation's address on the {@code webchat}
     * channel) has a live connection.
     */
    boolean online(String sessionId);
}
