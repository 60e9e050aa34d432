package org.rapport.campaigns.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.Campaigns;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rendered;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;
import org.rapport.web.Requests;

/**
 * REST for campaigns: {@code /api/v1/campaigns} (list, create), {@code /{id}} (get, update,
 * delete), {@code /{id}/launch|pause|resume|cancel}, {@code /{id}/stats}, {@code /{id}/recipients}
 * (JSON pages, or {@code recipients.csv}), {@code /{id}/preview} and {@code /{id}/test-send} for a
 * contact, and {@code /preview} of an unsaved definition. Recipient lists and previews show client
 * data and are audited.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager",
    Access.WRITE + "=admin",
    Access.SCOPE + "=campaigns",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/campaigns", "/api/v1/campaigns/*"})
public final class CampaignsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Campaigns campaigns;

    @Activate
    public CampaignsServlet(@Reference Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Body of a preview (of step {@code step}, default 0) or test send; {@code toSelf} true sends the
     * test to the caller's own email address instead of to the contact.
     */
    public record ContactBody(Long contactId, Integer step, Boolean toSelf) {}

    /** Body of the editor's preview of an unsaved campaign (of step {@code step}, default 0). */
    public record DraftPreviewBody(CampaignInput campaign, Long contactId, Integer step) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length == 0) {
            List<Campaign> items = campaigns.campaigns();
            writeJson(resp, 200, Map.of("items", items, "total", items.size()));
            return;
        }
        Campaign c = existing(path[0]);
        if (path.length == 1) {
            writeJson(resp, 200, c);
            return;
        }
        if (path.length != 2) {
            throw ApiException.notFound("No such resource");
        }
        switch (path[1]) {
            case "stats" -> writeJson(resp, 200, stats(campaigns.stats(c.id())));
            case "recipients" -> {
                int run = Requests.integer(req, "run", 0);
                List<Recipient> items = campaigns.recipients(c.id(), run, Requests.integer(req, "page", 1), Requests.integer(req, "size", 100));
                Audit.record(req, new Audit.Entry("read", "contact", items.stream().map(r -> String.valueOf(r.contactId())).toList(),
                        List.of("campaignRecipient"), null, null, null));
                writeJson(resp, 200, Map.of("items", items));
            }
            case "recipients.csv" -> csv(req, resp, c);
            default -> throw ApiException.notFound("No such resource '" + path[1] + "'");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        Principal caller = caller(req);
        if (path.length == 0) {
            Campaign created = campaigns.create(readJson(req, CampaignInput.class), caller);
            resp.setHeader("Location", "/api/v1/campaigns/" + created.id());
            writeJson(resp, 201, created);
            return;
        }
        if (path.length == 1 && path[0].equals("preview")) {
            DraftPreviewBody body = readJson(req, DraftPreviewBody.class);
            long contactId = contact(body == null ? null : body.contactId());
            Audit.record(req, Audit.Entry.read("contact", contactId, null, contactId));
            writeJson(resp, 200, campaigns.render(body.campaign(), contactId, body.step() == null ? 0 : body.step()));
            return;
        }
        if (path.length != 2) {
            throw ApiException.notFound("No such resource");
        }
        Campaign c = existing(path[0]);
        switch (path[1]) {
            case "launch" -> writeJson(resp, 200, stats(campaigns.launch(c.id(), caller)));
            case "pause" -> writeJson(resp, 200, stats(campaigns.pause(c.id(), caller)));
            case "resume" -> writeJson(resp, 200, stats(campaigns.resume(c.id(), caller)));
            case "cancel" -> writeJson(resp, 200, stats(campaigns.cancel(c.id(), caller)));
            case "preview" -> {
                ContactBody body = readJson(req, ContactBody.class);
                long contactId = contact(body == null ? null : body.contactId());
                Audit.record(req, Audit.Entry.read("contact", contactId, null, contactId));
                Rendered rendered = campaigns.render(c.id(), contactId, body.step() == null ? 0 : body.step());
                writeJson(resp, 200, rendered);
            }
            case "test-send" -> {
                ContactBody body = readJson(req, ContactBody.class);
                long contactId = contact(body == null ? null : body.contactId());
                boolean toSelf = Boolean.TRUE.equals(body.toSelf());
                Audit.record(req, new Audit.Entry(toSelf ? "read" : "send", "contact", List.of(String.valueOf(contactId)), List.of(), null,
                        contactId, (toSelf ? "campaign test send to self " : "campaign test send ") + c.id()));
                String outcome = toSelf ? campaigns.testSendToSelf(c.id(), contactId, caller) : campaigns.testSend(c.id(), contactId, caller);
                if (toSelf) {
                    refuseUnsent(outcome, caller);
                }
                int colon = outcome.indexOf(':');
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("status", colon < 0 ? outcome : outcome.substring(0, colon));
                answer.put("reasonCode", colon < 0 ? null : outcome.substring(colon + 1));
                answer.put("toSelf", toSelf);
                writeJson(resp, 200, answer);
            }
            default -> throw ApiException.notFound("No such action '" + path[1] + "'");
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length != 1) {
            throw new ApiException(405, "method_not_allowed", "PUT a whole campaign to /api/v1/campaigns/{id}");
        }
        Campaign c = existing(path[0]);
        writeJson(resp, 200, campaigns.update(c.id(), readJson(req, CampaignInput.class), caller(req)));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length != 1) {
            throw new ApiException(405, "method_not_allowed", "DELETE /api/v1/campaigns/{id}");
        }
        campaigns.delete(existing(path[0]).id());
        resp.setStatus(204);
    }

    private void csv(HttpServletRequest req, HttpServletResponse resp, Campaign c) throws IOException {
        int run = Requests.integer(req, "run", 0);
        List<String> ids = new java.util.ArrayList<>();
        List<Recipient> all = new java.util.ArrayList<>();
        for (int page = 1;; page++) {
            List<Recipient> items = campaigns.recipients(c.id(), run, page, 1000);
            all.addAll(items);
            items.forEach(r -> ids.add(String.valueOf(r.contactId())));
            if (items.size() < 1000) {
                break;
            }
        }
        Audit.record(req, new Audit.Entry("export", "contact", ids, List.of("campaignRecipient"), null, null, null));
        resp.setStatus(200);
        resp.setContentType("text/csv");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"campaign-" + c.id() + "-recipients.csv\"");
        Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
        out.write("run,contactId,state,reasonCode,reason,language,delivery,replied,optedOut,updatedAt,step,stepState,stepReasonCode,stepDueAt\r\n");
        for (Recipient r : all) {
            out.write(String.join(",", String.valueOf(r.run()), String.valueOf(r.contactId()), cell(r.state()), cell(r.reasonCode()),
                    cell(r.reason()), cell(r.language()), cell(r.delivery()), String.valueOf(r.replied()), String.valueOf(r.optedOut()),
                    cell(r.updatedAt() == null ? null : r.updatedAt().toString()), String.valueOf(r.step()), cell(r.stepState()),
                    cell(r.stepReasonCode()), cell(r.stepDueAt() == null ? null : r.stepDueAt().toString())));
            out.write("\r\n");
        }
        out.flush();
    }

    /** A CSV cell: quoted when needed; a leading formula character is neutralised. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static Map<String, Object> stats(CampaignStats s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", s.run());
        body.put("state", s.state());
        body.put("targeted", s.targeted());
        body.put("skipped", s.skipped());
        body.put("pending", s.pending());
        body.put("deferred", s.deferred());
        body.put("sent", s.sent());
        body.put("delivered", s.delivered());
        body.put("failed", s.failed());
        body.put("replied", s.replied());
        body.put("optedOut", s.optedOut());
        body.put("skippedBy", s.skippedBy());
        body.put("steps", s.steps());
        return body;
    }

    /** A test send to oneself that could not even be attempted: 409 with what to do. */
    private static void refuseUnsent(String outcome, Principal caller) {
        if (outcome.equals("unreachable:no_address")) {
            throw new ApiException(409, "no_email", "You have no email address: set your own email first (PUT /api/v1/users/"
                    + caller.userId() + "/email, or an admin sets it under Staff accounts), then send the test to yourself");
        }
        if (outcome.equals("invalid:unknown_staff")) {
            throw new ApiException(409, "not_staff", "Only a staff account can send a test to itself");
        }
    }

    private Campaign existing(String segment) {
        long id = Requests.id(segment, "campaign");
        return campaigns.campaign(id).orElseThrow(() -> ApiException.notFound("No campaign " + id));
    }

    private static long contact(Long contactId) {
        if (contactId == null || contactId <= 0) {
            throw new InvalidCampaignException("contactId", "a contact id is required");
        }
        return contactId;
    }

    private static Principal caller(HttpServletRequest req) {
        return Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    @Override
    protected ApiException translate(RuntimeException e) {
        if (e instanceof NoSuchElementException) {
            return ApiException.notFound(e.getMessage());
        }
        return null;
    }
}
