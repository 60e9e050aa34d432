/**
 * Account management: account managers (capacity, skills, seniority) and the assignment of
 * clients to them; the value score, tiers with manual overrides, lifecycle stages, churn risk
 * with its reasons, churn alerts, and the follow-up cadence per tier.
 *
 * <p>Decisions are written to the client's {@link org.rapport.records.Standing} through the
 * records service (so lists and filters see them) and kept with their history here.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.accounts;
