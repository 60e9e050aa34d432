package org.rapport.records.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ClientQuery;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.Duplicate;
import org.rapport.records.FollowUpInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.Records;
import org.rapport.records.TransactionInput;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.FieldPolicy;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;

/**
 * REST for client companies and what hangs under them:
 * {@code /api/v1/clients[/{id}[/contacts|interactions|transactions|tasks|history|duplicates|merge|unmask]]}.
 * Every read and change is recorded in the audit log before the answer; fields above the caller's
 * clearance are masked ({@link Views}), and {@code POST .../unmask} with a reason shows them whole.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin,manager,agent",
    Access.SCOPE + "=clients",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/clients", "/api/v1/clients/*"})
public final class ClientsServlet extends org.rapport.web.JsonServlet {
    private static final long serialVersionUID = 1L;
    static final Set<String> CLIENT_FIELDS = Set.of("name", "registrationNo", "industry", "region", "annualRevenue", "employees",
            "tags", "status", "clientSince");

    private final transient Records records;
    private final transient Views views;

    @Activate
    public ClientsServlet(@Reference Records records, @Reference FieldPolicy policy) {
        this.records = records;
        this.views = new Views(policy);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        Principal caller = Params.principal(req);
        if (path.length == 0) {
            writeJson(resp, 200, list(req, caller));
            return;
        }
        if (path.length == 1 && path[0].equals("stats")) {
            Map<String, Long> counts = records.countBy(required(req, "by"));
            Audit.record(req, new Audit.Entry("read", "client", List.of(), List.of(req.getParameter("by")), null, null, null));
            writeJson(resp, 200, Map.of("counts", counts));
            return;
        }
        if (path.length == 1 && path[0].equals("duplicates")) {
            ClientInput probe = new ClientInput(Params.text(req, "name"), Params.text(req, "registrationNo"), null, null, null, null,
                    null, null);
            List<String> emails = new ArrayList<>(Params.set(req, "email"));
            List<String> phones = new ArrayList<>(Params.set(req, "phone"));
            List<Duplicate> found = records.duplicates(probe, emails, phones, 0);
            Audit.record(req, Audit.Entry.readMany("client", found.stream().map(Duplicate::clientId).distinct().toList()));
            writeJson(resp, 200, Map.of("items", views.duplicates(found, caller)));
            return;
        }
        long id = Params.id(path[0], "client");
        int page = Params.integer(req, "page", 1);
        int size = Params.integer(req, "size", 50);
        if (path.length == 1) {
            Client client = records.client(id).orElseThrow(() -> ApiException.notFound("No client " + id));
            Audit.record(req, Audit.Entry.read("client", id, id, null));
            writeJson(resp, 200, views.client(client, caller));
            return;
        }
        requireLength(path, 2);
        Object body = switch (path[1]) {
            case "contacts" -> {
                List<Contact> contacts = records.contacts(id);
                Audit.record(req, new Audit.Entry("read", "contact", contacts.stream().map(c -> Long.toString(c.id())).toList(), List.of(),
                        id, contacts.size() == 1 ? contacts.get(0).id() : null, null));
                yield Map.of("items", views.contacts(contacts, caller));
            }
            case "interactions" -> {
                var interactions = records.interactions(id, page, size);
                Audit.record(req, new Audit.Entry("read", "interaction", interactions.items().stream().map(i -> Long.toString(i.id())).toList(),
                        List.of(), id, null, null));
                yield interactions;
            }
            case "transactions" -> {
                var transactions = records.transactions(id, page, size);
                Audit.record(req, new Audit.Entry("read", "transaction", transactions.items().stream().map(t -> Long.toString(t.id())).toList(),
                        List.of(), id, null, null));
                yield transactions;
            }
            case "tasks" -> {
                var tasks = records.tasks(id);
                Audit.record(req, new Audit.Entry("read", "task", tasks.stream().map(t -> Long.toString(t.id())).toList(), List.of(), id, null,
                        null));
                yield Map.of("items", tasks);
            }
            case "history" -> {
                var history = records.history(id, page, size);
                Audit.record(req, new Audit.Entry("read", "history", List.of(), List.of(), id, null, null));
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("items", history.items().stream().map(c -> views.change(c, caller)).toList());
                answer.put("total", history.total());
                yield answer;
            }
            case "duplicates" -> {
                List<Duplicate> found = duplicatesOf(id);
                List<Long> ids = new ArrayList<>(List.of(id));
                found.forEach(d -> ids.add(d.clientId()));
                Audit.record(req, new Audit.Entry("read", "client", ids.stream().distinct().map(String::valueOf).toList(), List.of(), id,
                        null, null));
                yield Map.of("items", views.duplicates(found, caller));
            }
            default -> throw ApiException.notFound("No resource '" + path[1] + "' under a client");
        };
        writeJson(resp, 200, body);
    }

    private Map<String, Object> list(HttpServletRequest req, Principal caller) {
        ClientQuery query = Params.query(req, caller);
        var page = records.clients(query);
        Audit.record(req, Audit.Entry.readMany("client", page.items().stream().map(Client::id).toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", views.clients(page.items(), caller));
        body.put("total", page.total());
        body.put("page", query.page());
        body.put("size", query.size());
        return body;
    }

    private List<Duplicate> duplicatesOf(long id) {
        Client client = records.client(id).orElseThrow(() -> ApiException.notFound("No client " + id));
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (Contact contact : records.contacts(id)) {
            emails.addAll(contact.emails());
            phones.addAll(contact.phones());
        }
        return records.duplicates(ClientInput.of(client), emails, phones, id);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        Principal actor = Params.principal(req);
        if (path.length == 0) {
            create(req, resp, actor);
            return;
        }
        long id = Params.id(path[0], "client");
        requireLength(path, 2);
        switch (path[1]) {
            case "contacts" -> {
                Contact contact = records.addContact(id, readJson(req, ContactInput.class), actor);
                Audit.record(req, new Audit.Entry("create", "contact", List.of(Long.toString(contact.id())), List.of(), id, contact.id(), null));
                writeJson(resp, 201, views.contact(contact, actor));
            }
            case "interactions" -> {
                var interaction = records.addInteraction(id, readJson(req, InteractionInput.class), actor);
                Audit.record(req, new Audit.Entry("create", "interaction", List.of(Long.toString(interaction.id())), List.of(), id,
                        interaction.contactId(), null));
                writeJson(resp, 201, interaction);
            }
            case "transactions" -> {
                var transaction = records.addTransaction(id, readJson(req, TransactionInput.class), actor);
                Audit.record(req, new Audit.Entry("create", "transaction", List.of(Long.toString(transaction.id())), List.of(), id, null,
                        null));
                writeJson(resp, 201, transaction);
            }
            case "tasks" -> {
                var task = records.addTask(id, readJson(req, FollowUpInput.class), actor);
                Audit.record(req, new Audit.Entry("create", "task", List.of(Long.toString(task.id())), List.of(), id, task.contactId(), null));
                writeJson(resp, 201, task);
            }
            case "merge" -> {
                MergeBody body = readJson(req, MergeBody.class);
                if (body.sourceId() == null) {
                    throw ApiException.invalid(Map.of("sourceId", "is required"));
                }
                Audit.record(req, new Audit.Entry("merge", "client", List.of(Long.toString(id), Long.toString(body.sourceId())), List.of(),
                        id, null, null));
                Client merged = records.merge(id, body.sourceId(), actor);
                writeJson(resp, 200, views.client(merged, actor));
            }
            case "unmask" -> unmask(req, resp, id, actor);
            default -> throw ApiException.notFound("No resource '" + path[1] + "' under a client");
        }
    }

    /** {@code POST /api/v1/clients/{id}/unmask {"fields": [...], "reason": "..."}}: the whole values, recorded with the reason. */
    private void unmask(HttpServletRequest req, HttpServletResponse resp, long id, Principal actor) throws IOException {
        Unmask.Body body = Unmask.read(readJson(req, Unmask.Body.class), Views.CLIENT_FIELDS);
        Client client = records.client(id).orElseThrow(() -> ApiException.notFound("No client " + id));
        Audit.record(req, new Audit.Entry("unmask", "client", List.of(Long.toString(id)), body.fields(), id, null, body.reason()));
        writeJson(resp, 200, Unmask.answer(id, JsonMaps.fields(client), body.fields()));
    }

    private void create(HttpServletRequest req, HttpServletResponse resp, Principal actor) throws IOException {
        ClientBody body = readJson(req, ClientBody.class);
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (ContactInput contact : body.contactList()) {
            if (contact == null) {
                throw ApiException.invalid(Map.of("contacts", "must not contain null"));
            }
            emails.addAll(contact.emails());
            phones.addAll(contact.phones());
        }
        if (body.contactList().size() > 20) {
            throw ApiException.invalid(Map.of("contacts", "at most 20 with a new client"));
        }
        List<Duplicate> duplicates = records.duplicates(body.input(), emails, phones, 0);
        if (!duplicates.isEmpty() && Params.flag(req, "rejectDuplicates")) {
            throw new ApiException(409, "duplicate", "This company looks like an existing client", Map.of("duplicates", duplicates));
        }
        Client client = records.createClient(body.input(), actor);
        List<Contact> contacts = new ArrayList<>();
        for (ContactInput contact : body.contactList()) {
            contacts.add(records.addContact(client.id(), contact, actor));
        }
        Audit.record(req, new Audit.Entry("create", "client", List.of(Long.toString(client.id())), List.of(), client.id(),
                contacts.size() == 1 ? contacts.get(0).id() : null, null));
        Map<String, Object> answer = views.client(client, actor);
        answer.put("contacts", views.contacts(contacts, actor));
        answer.put("duplicates", views.duplicates(duplicates, actor));
        resp.setHeader("Location", "/api/v1/clients/" + client.id());
        writeJson(resp, 201, answer);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        requireLength(path, 1);
        long id = Params.id(path[0], "client");
        ClientBody body = readJson(req, ClientBody.class);
        if (body.contacts() != null) {
            throw ApiException.badRequest("Change contacts at /api/v1/clients/" + id + "/contacts");
        }
        Principal caller = Params.principal(req);
        Client current = records.client(id).orElseThrow(() -> ApiException.notFound("No client " + id));
        ClientInput input = Unmask.keepMasked(body.input(), current, views.maskedFields("client", Views.CLIENT_FIELDS, caller));
        Audit.record(req, new Audit.Entry("update", "client", List.of(Long.toString(id)), CLIENT_FIELDS.stream().sorted().toList(), id, null,
                null));
        Client updated = records.updateClient(id, input, caller);
        writeJson(resp, 200, views.client(updated, caller));
    }

    @Override
    protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        requireLength(path, 1);
        long id = Params.id(path[0], "client");
        JsonNode patch = readJson(req, JsonNode.class);
        Principal caller = Params.principal(req);
        Client current = records.client(id).orElseThrow(() -> ApiException.notFound("No client " + id));
        Unmask.refuseMaskedFields(patch, views.maskedFields("client", Views.CLIENT_FIELDS, caller));
        ClientInput input = Patches.apply(ClientInput.of(current), patch, ClientInput.class, CLIENT_FIELDS);
        List<String> fields = new ArrayList<>();
        patch.fieldNames().forEachRemaining(fields::add);
        Audit.record(req, new Audit.Entry("update", "client", List.of(Long.toString(id)), fields, id, null, null));
        Client updated = records.updateClient(id, input, caller);
        writeJson(resp, 200, views.client(updated, caller));
    }

    private static void requireLength(String[] path, int length) {
        if (path.length != length) {
            throw ApiException.notFound("No such resource");
        }
    }

    private static String required(HttpServletRequest req, String name) {
        String value = Params.text(req, name);
        if (value == null) {
            throw ApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }

    /** The JSON body of a merge: the duplicate to merge into this client. */
    record MergeBody(Long sourceId) {}
}
