/**
 * Conversations with clients across channels: the staff inbox ({@link org.rapport.conversations.Conversations}),
 * and the one outbound path every bundle sends through ({@link org.rapport.conversations.Messenger}):
 * compliance gate, durable outbox, dispatcher, channel adapter.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.3.0")
@org.osgi.annotation.bundle.Export
package org.rapport.conversations;
