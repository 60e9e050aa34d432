package org.rapport.records.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.Records;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.FieldPolicy;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;

/**
 * REST for one contact: {@code GET, PUT, PATCH, DELETE /api/v1/contacts/{id}}; lookup by {@code ?email=} or {@code ?phone=};
 * {@code POST /api/v1/contacts/{id}/unmask {"fields", "reason"}} for the whole values of masked fields. Audited; fields above the
 * caller's clearance are masked.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin,manager,agent",
    Access.SCOPE + "=clients",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/contacts", "/api/v1/contacts/*"})
public final class ContactsServlet extends org.rapport.web.JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("name", "title", "emails", "phones", "preferredChannel", "language", "timeZone");

    private final transient Records records;
    private final transient Views views;

    @Activate
    public ContactsServlet(@Reference Records records, @Reference FieldPolicy policy) {
        this.records = records;
        this.views = new Views(policy);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        Principal caller = Params.principal(req);
        if (path.length == 0) {
            String email = Params.text(req, "email");
            String phone = Params.text(req, "phone");
            if (email == null && phone == null) {
                throw ApiException.badRequest("Give ?email= or ?phone= to look contacts up");
            }
            java.util.List<Contact> found = email != null ? records.contactsByEmail(email) : records.contactsByPhone(phone);
            Audit.record(req, new Audit.Entry("read", "contact", found.stream().map(c -> Long.toString(c.id())).toList(),
                    java.util.List.of(email != null ? "emails" : "phones"), found.size() == 1 ? found.get(0).clientId() : null,
                    found.size() == 1 ? found.get(0).id() : null, null));
            writeJson(resp, 200, java.util.Map.of("items", views.contacts(found, caller)));
            return;
        }
        Contact contact = existing(path);
        Audit.record(req, Audit.Entry.read("contact", contact.id(), contact.clientId(), contact.id()));
        writeJson(resp, 200, views.contact(contact, caller));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        if (path.length != 2 || !path[1].equals("unmask")) {
            throw ApiException.notFound("No such resource");
        }
        Contact contact = existing(new String[] {path[0]});
        Unmask.Body body = Unmask.read(readJson(req, Unmask.Body.class), Views.CONTACT_FIELDS);
        Audit.record(req, new Audit.Entry("unmask", "contact", java.util.List.of(Long.toString(contact.id())), body.fields(),
                contact.clientId(), contact.id(), body.reason()));
        writeJson(resp, 200, Unmask.answer(contact.id(), JsonMaps.fields(contact), body.fields()));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Contact current = existing(Params.path(req));
        Principal caller = Params.principal(req);
        ContactInput input = Unmask.keepMasked(readJson(req, ContactInput.class), current,
                views.maskedFields("contact", Views.CONTACT_FIELDS, caller));
        Audit.record(req, new Audit.Entry("update", "contact", java.util.List.of(Long.toString(current.id())),
                FIELDS.stream().sorted().toList(), current.clientId(), current.id(), null));
        Contact updated = records.updateContact(current.id(), input, caller);
        writeJson(resp, 200, views.contact(updated, caller));
    }

    @Override
    protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Contact current = existing(Params.path(req));
        Principal caller = Params.principal(req);
        JsonNode patch = readJson(req, JsonNode.class);
        Unmask.refuseMaskedFields(patch, views.maskedFields("contact", Views.CONTACT_FIELDS, caller));
        ContactInput input = Patches.apply(ContactInput.of(current), patch, ContactInput.class, FIELDS);
        java.util.List<String> fields = new java.util.ArrayList<>();
        patch.fieldNames().forEachRemaining(fields::add);
        Audit.record(req, new Audit.Entry("update", "contact", java.util.List.of(Long.toString(current.id())), fields,
                current.clientId(), current.id(), null));
        Contact updated = records.updateContact(current.id(), input, caller);
        writeJson(resp, 200, views.contact(updated, caller));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Contact current = existing(Params.path(req));
        Audit.record(req, new Audit.Entry("delete", "contact", java.util.List.of(Long.toString(current.id())), java.util.List.of(),
                current.clientId(), current.id(), null));
        records.deleteContact(current.id(), Params.principal(req));
        resp.setStatus(204);
    }

    private Contact existing(String[] path) {
        if (path.length != 1) {
            throw ApiException.notFound("No such resource");
        }
        long id = Params.id(path[0], "contact");
        return records.contact(id).orElseThrow(() -> ApiException.notFound("No contact " + id));
    }
}
