package org.rapport.accounts.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.accounts.Accounts;

/** The console page of account managers: workload, profiles, rebalance ({@code #/managers}). */
@Component(service = Object.class)
@ConsolePageProperties(group = "clients", id = "managers", order = 30, roles = {"admin", "manager"}, label_en = "Account managers",
        label_zh = "客户经理", module = "/accounts/managers.js")
public final class ManagersPage {

    @Activate
    public ManagersPage(@Reference Accounts accounts) {
        // registered only while account management runs
    }
}
