package org.rapport.accounts.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsoleCardProperties;
import org.rapport.accounts.Accounts;

/** The dashboard card charting the churn-risk distribution. */
@Component(service = Object.class)
@ConsoleCardProperties(id = "churn-risk", order = 20, roles = {"admin", "manager", "agent", "auditor"},
        title_en = "Churn risk", title_zh = "流失风险", module = "/accounts/risk-card.js")
public final class RiskCard {

    @Activate
    public RiskCard(@Reference Accounts accounts) {
        // registered only while account management runs
    }
}
