package org.rapport.search.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.search.SearchHit;
import org.rapport.search.SearchRequest;
import org.rapport.search.SearchResult;
import org.rapport.search.SearchService;
import org.rapport.search.SearchTypes;
import org.rapport.search.internal.IndexFeeder;
import org.rapport.search.internal.index.Schema;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * REST: {@code GET /api/v1/search?q=&type=&tier=&industry=&region=&language=&page=&size=} →
 * {@code {"items", "total", "page", "size", "facets"}}; {@code GET /api/v1/search/status} and
 * {@code POST /api/v1/search/rebuild} (admin) for the index.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin",
    Access.SCOPE + "=search",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/search", "/api/v1/search/*"})
public final class SearchServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    /** Longest accepted {@code q}. */
    static final int MAX_Q = 1000;

    private final transient SearchService search;
    private final transient IndexFeeder feeder;

    @Activate
    public SearchServlet(@Reference SearchService search, @Reference IndexFeeder feeder) {
        this.search = search;
        this.feeder = feeder;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (path.equals("/status")) {
            writeJson(resp, 200, search.status());
            return;
        }
        if (!path.equals("/")) {
            throw ApiException.notFound("No search resource '" + (path.length() > 60 ? path.substring(0, 60) + "…" : path) + "'");
        }
        Principal caller = principal(req);
        SearchRequest request = request(req);
        var result = search.search(request, caller);
        audit(req, result);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items());
        body.put("total", result.total());
        body.put("page", request.page());
        body.put("size", request.size());
        body.put("facets", result.facets());
        writeJson(resp, 200, body);
    }

    /** The client data shown (clients, contacts, interactions) goes to the audit log before it is served; articles are public material. */
    private static void audit(HttpServletRequest req, SearchResult result) {
        Map<String, java.util.List<Long>> shown = new LinkedHashMap<>();
        for (SearchHit hit : result.items()) {
            if (!hit.type().equals(SearchTypes.ARTICLE)) {
                shown.computeIfAbsent(hit.type(), k -> new java.util.ArrayList<>()).add(hit.id());
            }
        }
        shown.forEach((type, ids) -> Audit.record(req, Audit.Entry.readMany(type, ids)));
    }

    static SearchRequest request(HttpServletRequest req) {
        String q = req.getParameter("q");
        if (q != null && q.length() > MAX_Q) {
            throw ApiException.invalid(Map.of("q", "must be at most " + MAX_Q + " characters"));
        }
        Set<String> types = values(req, "type");
        for (String type : types) {
            if (!SearchTypes.ALL.contains(type)) {
                throw ApiException.invalid(Map.of("type", "must be among " + String.join(", ", SearchTypes.ALL)));
            }
        }
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (String facet : Schema.FILTERS) {
            Set<String> wanted = values(req, facet);
            if (!wanted.isEmpty()) {
                filters.put(facet, wanted);
            }
        }
        int page = integer(req, "page", 1);
        int size = integer(req, "size", 20);
        try {
            return new SearchRequest(q, types, filters, page, size);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(Map.of(e.getMessage().startsWith("size") ? "size" : "page", e.getMessage()));
        }
    }

    private static Set<String> values(HttpServletRequest req, String name) {
        Set<String> values = new LinkedHashSet<>();
        String[] given = req.getParameterValues(name);
        if (given != null) {
            for (String value : given) {
                Arrays.stream(value.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).limit(50)
                        .forEach(values::add);
            }
        }
        return values;
    }

    private static int integer(HttpServletRequest req, String name, int fallback) {
        String value = req.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(Map.of(name, "must be a whole number"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (!path.equals("/rebuild")) {
            throw ApiException.notFound("POST /api/v1/search/rebuild rebuilds the index");
        }
        Principal caller = principal(req);
        if (!caller.hasRole(Role.ADMIN)) {
            throw new ApiException(403, "forbidden", "Only an admin may rebuild the index");
        }
        try {
            String job = feeder.rebuild(caller);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("job", job);
            body.put("status", search.status());
            writeJson(resp, 202, body);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static Principal principal(HttpServletRequest req) {
        return Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }
}
