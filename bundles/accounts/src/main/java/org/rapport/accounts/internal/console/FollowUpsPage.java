package org.rapport.accounts.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.accounts.Accounts;

/** The console page of my overdue follow-ups and churn alerts ({@code #/followups}). */
@Component(service = Object.class)
@ConsolePageProperties(group = "clients", id = "followups", order = 20, roles = {"admin", "manager", "agent"}, label_en = "My follow-ups",
        label_zh = "我的跟进", module = "/accounts/followups.js")
public final class FollowUpsPage {

    @Activate
    public FollowUpsPage(@Reference Accounts accounts) {
        // registered only while account management runs
    }
}
