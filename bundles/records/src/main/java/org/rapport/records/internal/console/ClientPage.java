package org.rapport.records.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.records.Records;

/** The console page of one client ({@code #/client/{id}}), reached from the list, not the navigation. */
@Component(service = Object.class)
@ConsolePageProperties(group = "clients", id = "client", order = 11, roles = {"admin", "manager", "agent", "auditor"}, label_en = "Client",
        label_zh = "客户详情", module = "/records/client.js", parent = "clients")
public final class ClientPage {

    @Activate
    public ClientPage(@Reference Records records) {
        // registered only while records are served
    }
}
