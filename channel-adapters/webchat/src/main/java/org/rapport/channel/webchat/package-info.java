/**
 * The web chat channel: who is chatting now.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.channel.webchat;
