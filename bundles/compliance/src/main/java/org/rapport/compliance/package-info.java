/**
 * Compliance for Rapport: consent per contact, channel and purpose, and the
 * {@link org.rapport.compliance.ComplianceGate} every outbound message passes; the
 * {@link org.rapport.compliance.PersonalDataProvider} whiteboard through which every store of
 * personal data takes part in data-subject export, erasure and retention.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.4.0")
@org.osgi.annotation.bundle.Export
package org.rapport.compliance;
