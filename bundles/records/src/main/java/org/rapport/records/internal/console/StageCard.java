package org.rapport.records.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsoleCardProperties;
import org.rapport.records.Records;

/** The dashboard card charting clients by lifecycle stage. */
@Component(service = Object.class)
@ConsoleCardProperties(id = "clients-by-stage", order = 11, roles = {"admin", "manager", "agent", "auditor"},
        title_en = "Clients by stage", title_zh = "客户生命周期", module = "/records/stage-card.js")
public final class StageCard {

    @Activate
    public StageCard(@Reference Records records) {
        // registered only while records are served
    }
}
