/**
 * Care campaigns: segments of contacts over the client records, Pebble templates per language,
 * and runs that message each recipient at most once through the conversations
 * {@link org.rapport.conversations.Messenger}.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
@org.osgi.annotation.bundle.Export
package org.rapport.campaigns;
