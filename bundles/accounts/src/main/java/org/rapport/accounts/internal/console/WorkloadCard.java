package org.rapport.accounts.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsoleCardProperties;
import org.rapport.accounts.Accounts;

/** The dashboard card charting each manager's load against capacity. */
@Component(service = Object.class)
@ConsoleCardProperties(id = "manager-workload", order = 21, roles = {"admin", "manager", "auditor"},
        title_en = "Manager workload", title_zh = "客户经理负荷", module = "/accounts/workload-card.js")
public final class WorkloadCard {

    @Activate
    public WorkloadCard(@Reference Accounts accounts) {
        // registered only while account management runs
    }
}
