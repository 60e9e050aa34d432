package org.rapport.accounts.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsoleCardProperties;
import org.rapport.accounts.Accounts;

/** The dashboard card with my overdue follow-ups and unread churn alerts. */
@Component(service = Object.class)
@ConsoleCardProperties(id = "my-follow-ups", order = 1, roles = {"manager", "agent"},
        title_en = "My follow-ups", title_zh = "我的跟进", module = "/accounts/followups-card.js")
public final class FollowUpsCard {

    @Activate
    public FollowUpsCard(@Reference Accounts accounts) {
        // registered only while account management runs
    }
}
