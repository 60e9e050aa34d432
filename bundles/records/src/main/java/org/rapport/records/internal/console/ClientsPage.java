package org.rapport.records.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.records.Records;

/** The console page listing clients ({@code #/clients}); present while the records service is. */
@Component(service = Object.class)
@ConsolePageProperties(group = "clients", id = "clients", order = 10, roles = {"admin", "manager", "agent", "auditor"}, label_en = "Clients",
        label_zh = "客户", module = "/records/clients.js")
public final class ClientsPage {

    @Activate
    public ClientsPage(@Reference Records records) {
        // registered only while records are served
    }
}
