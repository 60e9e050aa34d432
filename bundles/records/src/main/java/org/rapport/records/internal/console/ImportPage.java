package org.rapport.records.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.records.Records;

/** The console page importing clients from CSV ({@code #/import}) and following the import job. */
@Component(service = Object.class)
@ConsolePageProperties(group = "clients", id = "import", order = 40, roles = {"admin", "manager"}, label_en = "Import clients",
        label_zh = "导入客户", module = "/records/import.js")
public final class ImportPage {

    @Activate
    public ImportPage(@Reference Records records) {
        // registered only while records are served
    }
}
