package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.Consent;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.consent.ConsentService;
import org.rapport.records.Contact;
import org.rapport.records.Records;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.web.ApiException;

/**
 * A contact's consents, a sub-resource below the records' contacts:
 * {@code GET /api/v1/contacts/{id}/consents} (state per channel × purpose and the history) and
 * {@code PUT} with {@code {"channel", "purpose", "granted", "source"?, "evidence"?}}.
 */
@Component(service = Servlet.class, property = {
    Access.SUBRESOURCE + "=/api/v1/contacts/*/consents",
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin,manager,agent",
    Access.SCOPE + "=clients",
    Audit.PROPERTY + "=true"})
public final class ContactConsentsServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient ConsentService consents;
    private final transient Records records;

    /** The body of a PUT. */
    record ConsentBody(String channel, String purpose, Boolean granted, String source, String evidence) {
    }

    @Activate
    public ContactConsentsServlet(@Reference ConsentService consents, @Reference Records records) {
        this.consents = consents;
        this.records = records;
    }

    private Contact contact(HttpServletRequest req) {
        String[] path = segments(req);
        if (path.length != 5) {
            throw ApiException.notFound("No such resource");
        }
        long id = id(path[3], "contact");
        return records.contact(id).orElseThrow(() -> ApiException.notFound("No contact " + id));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Contact contact = contact(req);
        Audit.record(req, new Audit.Entry("read", "consent", List.of(Long.toString(contact.id())), List.of(), contact.clientId(),
                contact.id(), null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", contact.id());
        body.put("items", consents.of(contact.id()).stream().map(ContactConsentsServlet::json).toList());
        body.put("history", consents.history(contact.id()).stream().map(ContactConsentsServlet::json).toList());
        writeJson(resp, 200, body);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Contact contact = contact(req);
        ConsentBody body = readJson(req, ConsentBody.class);
        Map<String, String> errors = new LinkedHashMap<>();
        String channel = channel(body.channel(), errors);
        Purpose purpose = purpose(body.purpose(), errors);
        if (purpose != null && !purpose.forClients()) {
            errors.put("purpose", "consent is given for service, care or marketing (internal messages go to staff only)");
        }
        if (body.granted() == null) {
            errors.put("granted", "is required (true or false)");
        }
        if (body.evidence() != null && body.evidence().length() > 1000) {
            errors.put("evidence", "at most 1000 characters");
        }
        String source = body.source() == null || body.source().isBlank() ? "console" : body.source().strip();
        if (!source.matches("[a-z0-9_]{1,40}")) {
            errors.put("source", "1 to 40 lower-case letters, digits or _");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Audit.record(req, new Audit.Entry("update", "consent", List.of(Long.toString(contact.id())), List.of(channel + "." + purpose.id()),
                contact.clientId(), contact.id(), null));
        writeJson(resp, 200, json(consents.set(contact.id(), channel, purpose, body.granted(), source, body.evidence(), caller(req))));
    }

    static Map<String, Object> json(org.rapport.compliance.ConsentChange c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("channel", c.channel());
        json.put("purpose", c.purpose().id());
        json.put("granted", c.granted());
        json.put("source", c.source());
        json.put("evidence", c.evidence());
        json.put("changedAt", c.changedAt());
        json.put("actor", c.actorName());
        return json;
    }

    static Map<String, Object> json(Consent c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", c.channel());
        json.put("purpose", c.purpose().id());
        json.put("granted", c.granted());
        json.put("explicit", c.explicit());
        json.put("source", c.source());
        json.put("evidence", c.evidence());
        json.put("changedAt", c.changedAt());
        json.put("actor", c.actorName());
        return json;
    }
}
