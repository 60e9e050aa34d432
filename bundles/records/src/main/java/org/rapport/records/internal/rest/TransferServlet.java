package org.rapport.records.internal.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobRequest;
import org.rapport.jobs.Jobs;
import org.rapport.records.ClientQuery;
import org.rapport.records.internal.ClientExporter;
import org.rapport.records.internal.ClientImporter;
import org.rapport.records.internal.DuplicatePolicy;
import org.rapport.records.internal.csv.CsvCharset;
import org.rapport.records.internal.csv.ImportOptions;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.FieldPolicy;
import org.rapport.security.Principal;
import org.rapport.store.Store;
import org.rapport.web.ApiException;
import org.rapport.web.Json;

/**
 * CSV import and export of clients: {@code POST /api/v1/clients/import} (the file as the body)
 * starts an import job and answers 202 with its id; {@code GET /api/v1/clients/export} streams
 * the clients matching the list filters.
 */
@Component(service = Servlet.class, configurationPid = TransferServlet.PID, property = {
    Access.READ + "=admin,manager,auditor",
    Access.WRITE + "=admin,manager",
    Access.SCOPE + "=clients",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/clients/import", "/api/v1/clients/export"})
@Designate(ocd = TransferServlet.Config.class)
public final class TransferServlet extends org.rapport.web.JsonServlet {
    private static final long serialVersionUID = 1L;
    static final String PID = "org.rapport.records.transfer";
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {};

    /** Limits of CSV import. */
    @ObjectClassDefinition(id = PID, name = "Rapport client import and export")
    public @interface Config {
        @AttributeDefinition(name = "Largest import (MB)", min = "1")
        int maxImportMegabytes() default 512;

        @AttributeDefinition(name = "Longest CSV record (characters)", description = "A longer line is reported and skipped", min = "1024")
        int maxRecordChars() default 1 << 20;
    }

    private final transient Jobs jobs;
    private final transient ClientImporter importer;
    private final transient ClientExporter exporter;
    private static final int MAX_AUDITED_IDS = 10_000;
    private final transient FieldPolicy policy;
    private final long maxBytes;
    private final int maxRecordChars;

    @Activate
    public TransferServlet(@Reference Jobs jobs, @Reference Store store,
            @Reference(target = "(bundle=org.rapport.records)") org.rapport.store.SchemaReady schema, @Reference FieldPolicy policy,
            Config config) {
        this.jobs = jobs;
        this.policy = policy;
        this.importer = new ClientImporter(store, Clock.systemUTC());
        this.exporter = new ClientExporter(store);
        this.maxBytes = config.maxImportMegabytes() * 1024L * 1024L;
        this.maxRecordChars = config.maxRecordChars();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().endsWith("/import")) {
            throw new ApiException(405, "method_not_allowed", "POST the CSV to /api/v1/clients/import");
        }
        Principal caller = Params.principal(req);
        ImportOptions options = options(req);
        DuplicatePolicy policy = DuplicatePolicy.parse(Params.text(req, "onDuplicate"));
        requireCsvBody(req);
        Audit.record(req, new Audit.Entry("import", "client", java.util.List.of(), java.util.List.of(), null, null, null));
        Path file = Files.createTempFile("rapport-import-", ".csv");
        try {
            long size = store(req, file);
            String title = title(req);
            JobInfo job = jobs.submit(new JobRequest("clients.import", title, caller.userId(), caller.username()), ctx -> {
                try (InputStream in = Files.newInputStream(file)) {
                    AtomicLong position = new AtomicLong();
                    InputStream counting = new java.io.FilterInputStream(in) {
                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            if (b >= 0) {
                                position.incrementAndGet();
                            }
                            return b;
                        }

                        @Override
                        public int read(byte[] buffer, int off, int len) throws IOException {
                            int n = super.read(buffer, off, len);
                            if (n > 0) {
                                position.addAndGet(n);
                            }
                            return n;
                        }
                    };
                    ctx.total(size);
                    importer.run(counting, options, policy, caller.userId(), ctx, position::get);
                    ctx.progress(size);
                } finally {
                    Files.deleteIfExists(file);
                }
            });
            resp.setHeader("Location", "/api/v1/jobs/" + job.id());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", job.id());
            body.put("state", job.state().name().toLowerCase(Locale.ROOT));
            body.put("bytes", size);
            body.put("location", "/api/v1/jobs/" + job.id());
            writeJson(resp, 202, body);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private ImportOptions options(HttpServletRequest req) {
        ImportOptions options = ImportOptions.defaults().withMaxRecordChars(maxRecordChars);
        String charset = Params.text(req, "charset");
        if (charset != null && !charset.equalsIgnoreCase("auto")) {
            try {
                Charset cs = CsvCharset.forName(charset);
                options = options.withCharset(cs);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Unknown charset '" + charset + "'; use auto, UTF-8, GBK, GB18030 or Big5");
            }
        }
        String mapping = Params.text(req, "mapping");
        if (mapping != null) {
            try {
                options = options.withMapping(Json.mapper().readValue(mapping, MAPPING));
            } catch (IOException e) {
                throw ApiException.badRequest("'mapping' must be a JSON object of CSV header → field name");
            }
        }
        return options;
    }

    private static void requireCsvBody(HttpServletRequest req) {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/json") || type.startsWith("application/x-www-form")) {
            throw new ApiException(415, "unsupported_media_type", "Send the CSV file itself as the request body (text/csv)");
        }
    }

    private long store(HttpServletRequest req, Path file) throws IOException {
        if (req.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = req.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw ApiException.badRequest("The request body is empty; send the CSV file as the body");
        }
        return total;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "The file is larger than " + maxBytes / (1024 * 1024) + " MB");
    }

    private static String title(HttpServletRequest req) {
        String name = req.getHeader("X-File-Name");
        if (name == null || name.isBlank()) {
            return "clients.csv";
        }
        try {
            name = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8); // browsers send non-ASCII names encoded
        } catch (IllegalArgumentException e) {
            // not encoded: keep as sent
        }
        String cleaned = name.replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().endsWith("/export")) {
            throw new ApiException(405, "method_not_allowed", "GET /api/v1/clients/export for a CSV download");
        }
        Principal caller = Params.principal(req);
        ClientQuery query = Params.query(req, caller);
        ClientExporter.Selection selection = exporter.select(query, MAX_AUDITED_IDS);
        java.util.List<String> masked = java.util.stream.Stream.concat(
                Views.CLIENT_FIELDS.stream().filter(f -> !policy.visible(caller, "client", f)).map(f -> "client." + f),
                Views.CONTACT_FIELDS.stream().filter(f -> !policy.visible(caller, "contact", f)).map(f -> "contact." + f)).toList();
        Audit.record(req, new Audit.Entry("export", "client", selection.ids().stream().map(String::valueOf).toList(),
                java.util.List.of(), null, null, null));
        boolean chinese = "zh".equalsIgnoreCase(Params.text(req, "lang"));
        String charset = Params.text(req, "charset");
        boolean gb = charset != null && (charset.equalsIgnoreCase("gbk") || charset.equalsIgnoreCase("gb18030"));
        resp.setStatus(200);
        resp.setContentType("text/csv; charset=" + (gb ? "GB18030" : "UTF-8"));
        resp.setHeader("Content-Disposition", "attachment; filename=\"clients-" + LocalDate.now() + ".csv\"");
        resp.setHeader("Cache-Control", "no-store");
        exporter.write(query, resp.getOutputStream(), chinese, gb, masked.isEmpty() ? null : (entityField, value) -> {
            return masked.contains(entityField) ? policy.mask(value) : value;
        });
    }
}
