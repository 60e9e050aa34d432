package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.internal.report.ReportService;
import org.rapport.security.Access;
import org.rapport.web.ApiException;

/**
 * Compliance reports: {@code GET /api/v1/compliance/reports} (list), {@code POST} with {@code {"from", "to"}} (dates, the end
 * exclusive) → 201 the report; {@code GET .../{id}} (JSON) and {@code GET .../{id}/csv} (download).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,auditor",
    Access.WRITE + "=admin,auditor",
    Access.SCOPE + "=compliance"})
@HttpWhiteboardServletPattern({"/api/v1/compliance/reports", "/api/v1/compliance/reports/*"})
public final class ReportsServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient ReportService reports;

    /** The body of a report request. */
    record PeriodBody(String from, String to) {
    }

    @Activate
    public ReportsServlet(@Reference ReportService reports) {
        this.reports = reports;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        if (path.length == 0) {
            writeJson(resp, 200, Map.of("items", reports.list(integer(req, "limit", 50, 1, 500))));
            return;
        }
        long id = id(path[0], "report");
        if (path.length == 1) {
            writeJson(resp, 200, reports.report(id).orElseThrow(() -> ApiException.notFound("No report " + id)));
        } else if (path.length == 2 && path[1].equals("csv")) {
            String csv = reports.csv(id).orElseThrow(() -> ApiException.notFound("No report " + id));
            resp.setStatus(200);
            resp.setContentType("text/csv; charset=utf-8");
            resp.setHeader("Content-Disposition", "attachment; filename=\"compliance-report-" + id + ".csv\"");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (rest(req, 4).length != 0) {
            throw ApiException.notFound("No such resource");
        }
        PeriodBody body = readJson(req, PeriodBody.class);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = day(body.from(), "from", errors);
        Instant to = day(body.to(), "to", errors);
        if (errors.isEmpty() && !from.isBefore(to)) {
            errors.put("to", "must be after from");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        long id = reports.generate(from, to, caller(req).displayName());
        resp.setHeader("Location", "/api/v1/compliance/reports/" + id);
        writeJson(resp, 201, reports.report(id).orElseThrow());
    }

    private static Instant day(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, "is required (a date such as 2026-11-01)");
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2026-11-01");
            return null;
        }
    }
}
