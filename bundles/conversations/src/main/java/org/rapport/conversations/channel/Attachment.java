package org.rapport.conversations.channel;

/**
 * An attachment an adapter kept with an inbound message.
 *
 * @param name the file name
 * @param contentType the MIME type
 * @param size bytes
 * @param location where the adapter stored it (a path under the data directory), or {@code null}
 *        when it was not kept (too large, refused type) — then {@code note} says why
 * @param note why it was not kept, or {@code null}
 * @since 0.1
 */
public record Attachment(String name, String contentType, long size, String location, String note) {}
