package org.rapport.campaigns.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Rendered;
import org.rapport.campaigns.Template;
import org.rapport.compliance.Consents;
import org.rapport.compliance.Purpose;
import org.rapport.education.Education;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;

/**
 * Renders a campaign's template for one contact: the template of the contact's language (else the
 * other one), with the contact's, client's and manager's fields, the linked articles and the
 * one-click unsubscribe link.
 */
final class MessageRenderer {
    private final TemplateEngine engine;
    private final StaffDirectory staff;
    private final Supplier<Education> education;
    private final Supplier<Consents> consents;

    MessageRenderer(TemplateEngine engine, StaffDirectory staff, Supplier<Education> education, Supplier<Consents> consents) {
        this.engine = engine;
        this.staff = staff;
        this.education = education;
        this.consents = consents;
    }

    /** A campaign ready to render: its compiled templates and its article links, resolved once. */
    record Prepared(long campaignId, String name, String channel, String purpose, Map<String, TemplateEngine.Compiled> templates,
            List<TemplateVariables.ArticleLink> articles) {}

    Prepared prepare(Campaign c) {
        return prepare(c, 0);
    }

    /** Step {@code step} of a campaign: 0 its own templates, k its follow-up step k. */
    Prepared prepare(Campaign c, int step) {
        return prepare(c.id(), c.name(), c.channel(), c.purpose(), step == 0 ? c.templates() : c.steps().get(step - 1).templates(),
                c.articleIds(), step == 0 ? "templates" : Steps.field(step - 1, "templates"));
    }

    Prepared prepare(long id, String name, String channel, String purpose, Map<String, Template> templates, List<Long> articleIds) {
        return prepare(id, name, channel, purpose, templates, articleIds, "templates");
    }

    /** Checks and compiles templates; errors are named under {@code field} (e.g. {@code steps[0].templates.en.body}). */
    Prepared prepare(long id, String name, String channel, String purpose, Map<String, Template> templates, List<Long> articleIds,
            String field) {
        Map<String, TemplateEngine.Compiled> compiled = engine.validate(templates, field, "email".equals(channel));
        return new Prepared(id, name, channel, purpose, compiled, articles(articleIds));
    }

    /** The linked articles' titles and public URLs; unknown ones are an error. */
    List<TemplateVariables.ArticleLink> articles(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Education library = education.get();
        if (library == null) {
            throw new InvalidCampaignException("articleIds", "the education library is not running, so articles cannot be linked now");
        }
        List<TemplateVariables.ArticleLink> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            var article = id == null ? java.util.Optional.<org.rapport.education.Article>empty() : library.article(id);
            if (article.isEmpty()) {
                throw new InvalidCampaignException("articleIds[" + i + "]", "no article " + id);
            }
            out.add(new TemplateVariables.ArticleLink(article.get().title(), library.publicUrl(id)));
        }
        return out;
    }

    /**
     * Renders for one contact.
     *
     * @throws io.pebbletemplates.pebble.error.PebbleException when the template fails for this contact
     */
    Rendered render(Prepared p, MemberRow m) {
        String language = p.templates().containsKey(m.language()) ? m.language() : p.templates().keySet().iterator().next();
        TemplateEngine.Compiled t = p.templates().get(language);
        String manager = m.managerId() == null ? null : staff.byId(m.managerId()).map(StaffMember::displayName).orElse(null);
        String unsubscribe = null;
        Consents c = consents.get();
        if (c != null && !"service".equals(p.purpose())) {
            unsubscribe = c.unsubscribeUrl(m.contactId(), p.channel(), Purpose.of(p.purpose())).toString();
        }
        Map<String, Object> vars = TemplateVariables.of(p.name(), m.contactName(), m.contactTitle(), m.language(), m.clientName(),
                m.tier(), m.stage(), m.region(), m.industry(), manager, p.articles(), unsubscribe);
        return new Rendered(m.contactId(), language, engine.render(t.subject(), vars).strip(), engine.render(t.body(), vars));
    }
}
