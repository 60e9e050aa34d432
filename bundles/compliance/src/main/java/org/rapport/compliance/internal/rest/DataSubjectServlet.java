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
import org.rapport.compliance.internal.dsr.DataSubjects;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.web.ApiException;

/**
 * Data-subject requests, sub-resources below the records' contacts: {@code GET /api/v1/contacts/{id}/export} →
 * a zip of JSON and CSV from every provider; {@code POST /api/v1/contacts/{id}/erase {"reason"}} → what each
 * provider erased or anonymised. Admins only; both are recorded in the audit log and as requests.
 */
@Component(service = Servlet.class, property = {
    Access.SUBRESOURCE + "=/api/v1/contacts/*/export",
    Access.SUBRESOURCE + "=/api/v1/contacts/*/erase",
    Access.READ + "=admin",
    Access.WRITE + "=admin",
    Access.SCOPE + "=compliance",
    Audit.PROPERTY + "=true"})
public final class DataSubjectServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient DataSubjects subjects;

    /** The body of an erasure. */
    record EraseBody(String reason) {
    }

    @Activate
    public DataSubjectServlet(@Reference DataSubjects subjects) {
        this.subjects = subjects;
    }

    private static long contactId(HttpServletRequest req, String action) {
        String[] path = segments(req);
        if (path.length != 5 || !path[4].equals(action)) {
            throw ApiException.notFound("No such resource");
        }
        return id(path[3], "contact");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long contactId = contactId(req, "export");
        DataSubjects.Export export = subjects.export(contactId, caller(req));
        Audit.record(req, new Audit.Entry("export", "contact", List.of(Long.toString(contactId)), List.of(), null, contactId, null));
        resp.setStatus(200);
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"contact-" + contactId + "-export.zip\"");
        resp.setHeader("Cache-Control", "no-store");
        org.rapport.compliance.internal.dsr.ExportFiles.write(resp.getOutputStream(), export);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long contactId = contactId(req, "erase");
        EraseBody body = readJson(req, EraseBody.class);
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiException.invalid(Map.of("reason", "is required: the request's reference (no names, please)"));
        }
        if (body.reason().length() > 500) {
            throw ApiException.invalid(Map.of("reason", "at most 500 characters"));
        }
        Audit.record(req, new Audit.Entry("erase", "contact", List.of(Long.toString(contactId)), List.of(), null, contactId,
                body.reason().strip()));
        DataSubjects.Report report = subjects.erase(contactId, body.reason().strip(), caller(req));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", report.requestId());
        answer.put("contactId", report.contactId());
        answer.put("erasedAt", report.erasedAt());
        answer.put("complete", report.complete());
        answer.put("providers", report.providers().stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("provider", p.provider());
            json.put("items", p.items().stream().map(i -> Map.of("what", i.what(), "action", i.action().id(), "count", i.count())).toList());
            json.put("error", p.error());
            return json;
        }).toList());
        writeJson(resp, 200, answer);
    }
}
