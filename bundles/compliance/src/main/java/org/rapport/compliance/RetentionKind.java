package org.rapport.compliance;

import java.util.List;

/**
 * A kind of personal data a {@link PersonalDataProvider} can apply retention to.
 *
 * @param id stable id, unique within the provider, e.g. {@code interactions}
 * @param labelEn English label
 * @param labelZh Chinese label
 * @param defaultDays the retention period used until an admin sets one
 * @param actions the actions this kind supports, the first is the default
 * @since 0.1
 */
public record RetentionKind(String id, String labelEn, String labelZh, int defaultDays, List<RetentionAction> actions) {

    public RetentionKind {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("A retention kind needs at least one action");
        }
    }
}
