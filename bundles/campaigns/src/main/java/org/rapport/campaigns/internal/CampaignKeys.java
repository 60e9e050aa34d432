package org.rapport.campaigns.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Messenger keys of campaign messages: {@code campaign:<id>:run:<n>:contact:<id>}. */
final class CampaignKeys {
    private static final Pattern KEY = Pattern.compile("campaign:(\\d{1,18}):run:(\\d{1,9}):contact:(\\d{1,18})");

    /** A parsed key. */
    record Key(long campaignId, int runNo, long contactId) {}

    private CampaignKeys() {
    }

    static String of(long campaignId, int runNo, long contactId) {
        return "campaign:" + campaignId + ":run:" + runNo + ":contact:" + contactId;
    }

    static Optional<Key> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
    }
}
