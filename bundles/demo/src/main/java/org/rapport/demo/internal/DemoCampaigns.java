package org.rapport.demo.internal;

import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.Campaigns;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Schedule;
import org.rapport.campaigns.Template;
import org.rapport.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode, adds two ready campaigns when there are none: a quarterly care email to top-tier
 * clients (recurring: 09:00 Shanghai time on the first day of each quarter) and a win-back email to
 * clients at risk (a draft, launched from the console). Present only
 * while the campaigns bundle is.
 */
@Component(immediate = true)
public final class DemoCampaigns {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCampaigns.class);

    static final CampaignInput QUARTERLY_CARE = new CampaignInput("Quarterly care — core clients",
            Rule.of("tier", "in", List.of("core")), null, "email", "care", Map.of(
                    "zh", new Template("{{ client.name }}：季度关怀问候",
                            "尊敬的{{ contact.name }}：\n\n感谢{{ client.name }}一直以来的信任与支持。本季度我们为核心客户准备了专属服务，"
                                    + "您的客户经理{{ manager.name }}将在近期与您联系。\n\n如不希望再收到此类邮件，请点击：{{ unsubscribeUrl }}"),
                    "en", new Template("Quarterly care for {{ client.name }}",
                            "Dear {{ contact.name }},\n\nThank you for {{ client.name }}'s continued trust. This quarter we have prepared "
                                    + "dedicated services for our core clients; your account manager {{ manager.name }} will be in touch soon.\n\n"
                                    + "To stop these emails: {{ unsubscribeUrl }}")),
            List.of(), Schedule.cron("0 0 9 1 1,4,7,10 ?", "Asia/Shanghai"), 20);

    static final CampaignInput WIN_BACK = new CampaignInput("Win-back — clients at risk",
            Rule.any(Rule.of("stage", "eq", "at_risk"), Rule.of("churnRisk", "gte", 60)), null, "email", "care", Map.of(
                    "zh", new Template("{{ contact.name }}，我们想听听您的意见",
                            "尊敬的{{ contact.name }}：\n\n我们注意到{{ client.name }}近期与我们的往来有所减少。如果我们的服务有任何不足，"
                                    + "欢迎直接回复本邮件，或联系您的客户经理{{ manager.name }}。\n\n退订：{{ unsubscribeUrl }}"),
                    "en", new Template("{{ contact.name }}, we would like to hear from you",
                            "Dear {{ contact.name }},\n\nWe noticed that {{ client.name }} has been working with us less recently. If anything "
                                    + "in our service fell short, just reply to this email or talk to your account manager {{ manager.name }}.\n\n"
                                    + "Unsubscribe: {{ unsubscribeUrl }}")),
            List.of(), Schedule.MANUAL, 20);

    @Activate
    public DemoCampaigns(@Reference Campaigns campaigns, BundleContext context) {
        if (!"true".equalsIgnoreCase(context.getProperty(DemoLoader.DEMO_PROPERTY))) {
            return;
        }
        try {
            if (campaigns.campaigns().isEmpty()) {
                campaigns.create(QUARTERLY_CARE, Principal.SYSTEM);
                campaigns.create(WIN_BACK, Principal.SYSTEM);
                LOG.info("Demo campaigns added (2 drafts)");
            }
        } catch (RuntimeException e) {
            LOG.error("Demo campaigns not added: {}", e.toString());
        }
    }
}
