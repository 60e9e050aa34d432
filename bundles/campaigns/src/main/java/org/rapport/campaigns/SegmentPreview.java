package org.rapport.campaigns;

import java.util.List;

/**
 * How many contacts a rule matches now, and a sample of them (ordered by contact id).
 *
 * @since 0.1
 */
public record SegmentPreview(long count, List<SegmentMember> sample) {

    public SegmentPreview {
        sample = List.copyOf(sample);
    }
}
