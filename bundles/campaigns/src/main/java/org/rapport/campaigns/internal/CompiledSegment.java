package org.rapport.campaigns.internal;

import java.util.Map;

/**
 * A segment rule as SQL: a condition over the records view {@code rec_segment_contact} (alias
 * {@code c}) with named parameters; values are only ever bound, never part of the text.
 *
 * @param where the condition
 * @param binds parameter name → value
 * @param usesConsent true when it reads the compliance view {@code cmp_consent_state}
 */
record CompiledSegment(String where, Map<String, Object> binds, boolean usesConsent) {

    /** The view and alias the condition is written against. */
    static final String FROM = "rec_segment_contact c";
}
