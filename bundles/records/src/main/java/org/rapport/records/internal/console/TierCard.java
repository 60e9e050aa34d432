package org.rapport.records.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsoleCardProperties;
import org.rapport.records.Records;

/** The dashboard card charting clients by value tier. */
@Component(service = Object.class)
@ConsoleCardProperties(id = "clients-by-tier", order = 10, roles = {"admin", "manager", "agent", "auditor"},
        title_en = "Clients by tier", title_zh = "客户分层", module = "/records/tier-card.js")
public final class TierCard {

    @Activate
    public TierCard(@Reference Records records) {
        // registered only while records are served
    }
}
