/**
 * The email channel's API: which addresses hard-bounced and are no longer sent to.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.channel.email;
