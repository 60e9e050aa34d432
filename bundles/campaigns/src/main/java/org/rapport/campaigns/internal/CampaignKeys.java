package org.rapport.campaigns.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Messenger keys of campaign messages: {@code campaign:<id>:run:<n>:contact:<id>} for a campaign's
 * own message (step 0) and {@code …:step:<k>} appended for follow-up step k.
 */
final class CampaignKeys {
    private static final Pattern KEY = Pattern.compile("campaign:(\\d{1,18}):run:(\\d{1,9}):contact:(\\d{1,18})(?::step:([1-9]\\d{0,2}))?");

    /** A parsed key; {@code step} 0 for the campaign's own message. */
    record Key(long campaignId, int runNo, long contactId, int step) {}

    private CampaignKeys() {
    }

    static String of(long campaignId, int runNo, long contactId) {
        return "campaign:" + campaignId + ":run:" + runNo + ":contact:" + contactId;
    }

    /** The key of step {@code step} (0: the same as {@link #of(long, int, long)}). */
    static String of(long campaignId, int runNo, long contactId, int step) {
        return step == 0 ? of(campaignId, runNo, contactId) : of(campaignId, runNo, contactId) + ":step:" + step;
    }

    /** The prefix of every key of one run ({@code campaign:<id>:run:<n>:}), for withdrawing or requeueing its messages. */
    static String runPrefix(long campaignId, int runNo) {
        return "campaign:" + campaignId + ":run:" + runNo + ":";
    }

    static Optional<Key> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
    }
}
