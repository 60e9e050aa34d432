package org.rapport.records.internal;

import java.util.List;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;

/**
 * A validated import row waiting for its batch: the client and its contact (or {@code null}),
 * with the keys duplicates are found by.
 */
record PendingRow(long line, ClientInput client, ContactInput contact, String nameKey, List<String> emailKeys,
        List<String> phoneKeys) {}
