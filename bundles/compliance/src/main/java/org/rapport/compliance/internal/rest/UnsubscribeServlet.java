package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.internal.consent.ConsentService;
import org.rapport.compliance.internal.consent.UnsubscribeLinks;
import org.rapport.records.Contact;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public one-click unsubscribe of email messages ({@code /unsubscribe/<signed token>}):
 * {@code POST} (RFC 8058 {@code List-Unsubscribe=One-Click}, or the confirmation form) records the
 * opt-out; {@code GET} only shows the confirmation page (link scanners must not unsubscribe
 * anyone), in the contact's language or {@code ?lang=zh|en}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(UnsubscribeLinks.PATH + "*")
public final class UnsubscribeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeServlet.class);

    private final transient ConsentService consents;
    private final transient Records records;

    @Activate
    public UnsubscribeServlet(@Reference ConsentService consents, @Reference Records records) {
        this.consents = consents;
        this.records = records;
    }

    private Optional<UnsubscribeLinks.Target> target(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null ? Optional.empty() : consents.links().verify(info.substring(1));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<UnsubscribeLinks.Target> target = target(req);
        String lang = language(req, target.flatMap(t -> records.contact(t.contactId())));
        if (target.isEmpty()) {
            page(resp, 404, UnsubscribePage.render(lang, "invalid.title", "invalid", null, null, null, null));
            return;
        }
        UnsubscribeLinks.Target t = target.get();
        String self = req.getRequestURI();
        String other = self + "?lang=" + (lang.equals("zh") ? "en" : "zh");
        page(resp, 200, UnsubscribePage.render(lang, "confirm", "explain", t.channel(), t.purpose().id(), self + "?lang=" + lang, other));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<UnsubscribeLinks.Target> target = target(req);
        Optional<Contact> contact = target.flatMap(t -> records.contact(t.contactId()));
        String lang = language(req, contact);
        if (target.isEmpty() || contact.isEmpty()) {
            page(resp, 404, UnsubscribePage.render(lang, "invalid.title", "invalid", null, null, null, null));
            return;
        }
        UnsubscribeLinks.Target t = target.get();
        String evidence = req.getParameter("lang") != null ? "unsubscribe link confirmed on the web page"
                : "RFC 8058 one-click unsubscribe";
        try {
            consents.set(t.contactId(), t.channel(), t.purpose(), false, "unsubscribe_link", evidence, ConsentService.CLIENT);
        } catch (NoSuchRecordException e) {
            page(resp, 404, UnsubscribePage.render(lang, "invalid.title", "invalid", null, null, null, null));
            return;
        }
        LOG.info("Unsubscribe link used: contact {} opted out of {} by {}", t.contactId(), t.purpose().id(), t.channel());
        page(resp, 200, UnsubscribePage.render(lang, "done.title", "done", t.channel(), t.purpose().id(), null, null));
    }

    private static String language(HttpServletRequest req, Optional<Contact> contact) {
        String asked = req.getParameter("lang");
        if ("zh".equals(asked) || "en".equals(asked)) {
            return asked;
        }
        if (contact.isPresent() && contact.get().language() != null) {
            return contact.get().language().startsWith("zh") ? "zh" : "en";
        }
        String accept = req.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }

    private static void page(HttpServletResponse resp, int status, String html) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
