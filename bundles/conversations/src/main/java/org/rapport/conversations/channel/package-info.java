/**
 * The channel SPI: how channel adapters (email, web chat, SMS) plug into the conversations core.
 *
 * <p>An adapter registers a {@link org.rapport.conversations.channel.ChannelAdapter} service with
 * the property {@code channel} ({@code email}, {@code webchat}, {@code sms}) to send, and pushes
 * what clients write into the {@link org.rapport.conversations.channel.InboundSink} service.
 * Adapters may come and go while the server runs: outbound messages wait in the outbox while
 * their channel has no adapter.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.conversations.channel;
