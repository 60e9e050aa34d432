package org.rapport.campaigns.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a campaign template may use, as plain maps (templates cannot call methods). Every
 * key is always present (empty text when unknown), so strict variables only fail for names that
 * do not exist at all.
 */
final class TemplateVariables {

    private TemplateVariables() {
    }

    /** An article linked into a campaign. */
    record ArticleLink(String title, String url) {}

    static Map<String, Object> of(String campaignName, String contactName, String contactTitle, String language, String clientName,
            String tier, String stage, String region, String industry, String managerName, List<ArticleLink> articles,
            String unsubscribeUrl) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", text(contactName));
        contact.put("title", text(contactTitle));
        contact.put("language", text(language));
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", text(clientName));
        client.put("tier", text(tier));
        client.put("stage", text(stage));
        client.put("region", text(region));
        client.put("industry", text(industry));
        Map<String, Object> manager = new LinkedHashMap<>();
        manager.put("name", text(managerName));
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", text(campaignName));
        List<Map<String, Object>> links = articles.stream()
                .map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("title", text(a.title()));
                    m.put("url", text(a.url()));
                    return m;
                })
                .toList();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("contact", contact);
        vars.put("client", client);
        vars.put("manager", manager);
        vars.put("campaign", campaign);
        vars.put("articles", links);
        vars.put("unsubscribeUrl", text(unsubscribeUrl));
        return vars;
    }

    /** Every variable with a sample value, for checking templates. */
    static Map<String, Object> sample() {
        return of("Quarterly care", "张伟", "CFO", "zh", "Acme Trading", "core", "loyal", "shanghai", "trade", "Wang Fang",
                List.of(new ArticleLink("Guide", "https://example.invalid/a/1")), "https://example.invalid/u");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
