package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.internal.Csv;
import org.rapport.compliance.internal.audit.AuditQuery;
import org.rapport.compliance.internal.audit.AuditRow;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.audit.Verification;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.web.ApiException;

/**
 * The audit log for auditors: {@code GET /api/v1/audit?entity=&entityId=&clientId=&contactId=&actor=&action=&from=&to=&page=&size=}
 * → {@code {"items", "total", "page", "size"}}; {@code GET /api/v1/audit/verify} → {@code {"ok", "checked", "firstBroken",
 * "problem", "verifiedAt"}}; {@code GET /api/v1/audit/export?<filters>} → CSV (itself recorded in the log).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,auditor",
    Access.WRITE + "=admin,auditor",
    Access.SCOPE + "=audit"})
@HttpWhiteboardServletPattern({"/api/v1/audit", "/api/v1/audit/*"})
public final class AuditServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_EXPORT = 100_000;
    private static final List<String> COLUMNS = List.of("seq", "at", "actorId", "actor", "actorKind", "via", "remoteAddress", "action",
            "entity", "entityIds", "idCount", "fields", "clientId", "contactId", "request", "reason", "hash");

    private final transient AuditTrail trail;

    @Activate
    public AuditServlet(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 3);
        if (path.length == 0) {
            AuditQuery query = query(req);
            int page = integer(req, "page", 1, 1, 100_000);
            int size = integer(req, "size", 50, 1, 500);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", trail.search(query, (page - 1) * size, size).stream().map(AuditServlet::json).toList());
            body.put("total", trail.count(query));
            body.put("page", page);
            body.put("size", size);
            writeJson(resp, 200, body);
        } else if (path.length == 1 && path[0].equals("verify")) {
            Verification v = trail.verify();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", v.ok());
            body.put("checked", v.checked());
            body.put("firstBroken", v.firstBroken());
            body.put("problem", v.problem());
            body.put("verifiedAt", v.verifiedAt());
            writeJson(resp, 200, body);
        } else if (path.length == 1 && path[0].equals("export")) {
            export(req, resp);
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    private void export(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AuditQuery query = query(req);
        List<AuditRow> rows = trail.search(query, 0, MAX_EXPORT);
        Audit.record(req, new Audit.Entry("export", "audit", List.of(), List.of(), query.clientId(), query.contactId(), null));
        resp.setStatus(200);
        resp.setContentType("text/csv; charset=utf-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        resp.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(Csv.line(COLUMNS));
        for (AuditRow r : rows) {
            out.write(Csv.line(Arrays.asList(r.seq(), r.at(), r.actorId(), r.actorName(), r.actorKind().toLowerCase(), r.via(),
                    r.remoteAddress(), r.action(), r.entity(), String.join(" ", r.entityIds()), r.idCount(), String.join(" ", r.fields()),
                    r.clientId(), r.contactId(), r.request(), r.reason(), r.hash())));
        }
        out.flush();
    }

    private static AuditQuery query(HttpServletRequest req) {
        String entity = text(req, "entity");
        String entityId = text(req, "entityId");
        Long clientId = optionalId(req, "clientId");
        Long contactId = optionalId(req, "contactId");
        if (entityId != null && entity == null) {
            throw ApiException.badRequest("Give entity= with entityId=");
        }
        if (entityId != null && ("client".equals(entity) || "contact".equals(entity))) {
            long id;
            try {
                id = Long.parseLong(entityId);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("entityId of a " + entity + " must be a whole number");
            }
            if ("client".equals(entity)) {
                clientId = id;
            } else {
                contactId = id;
            }
            entity = null;
            entityId = null;
        }
        if (entity != null && entity.length() > 60 || entityId != null && entityId.length() > 100) {
            throw ApiException.badRequest("entity or entityId is too long");
        }
        String action = text(req, "action");
        if (action != null && action.length() > 40) {
            throw ApiException.badRequest("action is too long");
        }
        return new AuditQuery(clientId, contactId, optionalId(req, "actor"), action, entity, entityId, instant(req, "from", false),
                instant(req, "to", true));
    }

    static Map<String, Object> json(AuditRow r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", r.seq());
        json.put("at", r.at());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", r.actorId());
        actor.put("name", r.actorName());
        actor.put("kind", r.actorKind().toLowerCase());
        json.put("actor", actor);
        json.put("via", r.via());
        json.put("remoteAddress", r.remoteAddress());
        json.put("action", r.action());
        json.put("entity", r.entity());
        json.put("entityIds", new ArrayList<>(r.entityIds()));
        json.put("idCount", r.idCount());
        json.put("fields", r.fields());
        json.put("clientId", r.clientId());
        json.put("contactId", r.contactId());
        json.put("request", r.request());
        json.put("reason", r.reason());
        json.put("erased", r.erased());
        json.put("hash", r.hash());
        return json;
    }
}
