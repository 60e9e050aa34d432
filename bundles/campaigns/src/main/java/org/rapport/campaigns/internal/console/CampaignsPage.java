package org.rapport.campaigns.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.campaigns.Campaigns;
import org.rapport.console.ConsolePageProperties;

/** The campaigns page ({@code #/campaigns[/{id}[/edit]|/new]}): list, editor and results; present while campaigns are served. */
@Component(service = Object.class)
@ConsolePageProperties(group = "care", id = "campaigns", order = 20, roles = {"admin", "manager"}, label_en = "Campaigns",
        label_zh = "关怀活动", module = "/campaigns/campaigns.js")
public final class CampaignsPage {

    @Activate
    public CampaignsPage(@Reference Campaigns campaigns) {
        // registered only while campaigns are served
    }
}
