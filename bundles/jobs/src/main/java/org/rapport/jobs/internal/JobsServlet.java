package org.rapport.jobs.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.Jobs;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * {@code /api/v1/jobs}: the caller's recent jobs (admins: everyone's with {@code ?all=true}),
 * one job, and {@code POST /{id}/cancel}. Any signed-in caller may use it; a job is visible only
 * to its owner and to admins (404 for everyone else, as for an unknown id).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=" + Access.AUTHENTICATED,
    Access.SCOPE + "=jobs"})
@HttpWhiteboardServletPattern({"/api/v1/jobs", "/api/v1/jobs/*"})
public final class JobsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_LIMIT = 50;

    private final transient Jobs jobs;

    @Activate
    public JobsServlet(@Reference Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal caller = caller(req);
        List<String> path = segments(req);
        if (path.isEmpty()) {
            boolean all = flag(req.getParameter("all"), "all");
            if (all && !admin(caller)) {
                throw new ApiException(403, "forbidden", "Only admins see everyone's jobs");
            }
            int limit = limit(req.getParameter("limit"));
            List<JobInfo> found = jobs.recent(all ? 0 : caller.userId(), limit);
            if (!all && caller.userId() == 0) {
                found = found.stream().filter(j -> j.ownerId() == 0).toList();
            }
            writeJson(resp, 200, Map.of("items", found.stream().map(JobViews::summary).toList()));
        } else if (path.size() == 1) {
            writeJson(resp, 200, JobViews.job(visibleJob(caller, path.get(0))));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal caller = caller(req);
        List<String> path = segments(req);
        if (path.isEmpty()) {
            throw new ApiException(405, "method_not_allowed", "Jobs are submitted by the features that run them");
        }
        if (path.size() != 2 || !"cancel".equals(path.get(1))) {
            throw ApiException.notFound("No such job action; use POST /api/v1/jobs/{id}/cancel");
        }
        JobInfo job = visibleJob(caller, path.get(0));
        if (job.state().finished()) {
            throw ApiException.conflict("The job has already finished (" + JobViews.state(job.state()) + ")");
        }
        if (!jobs.cancel(job.id())) {
            JobInfo now = jobs.job(job.id()).orElse(job);
            throw ApiException.conflict(now.state().finished()
                    ? "The job has already finished (" + JobViews.state(now.state()) + ")"
                    : "The job is not running on this server");
        }
        writeJson(resp, 202, JobViews.job(jobs.job(job.id()).orElse(job)));
    }

    /** The job if it exists and the caller may see it; 404 otherwise. */
    private JobInfo visibleJob(Principal caller, String id) {
        return jobs.job(id)
                .filter(job -> job.ownerId() == caller.userId() || admin(caller))
                .orElseThrow(() -> ApiException.notFound("No job " + shorten(id)));
    }

    private static Principal caller(HttpServletRequest req) {
        return Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    private static boolean admin(Principal caller) {
        return caller.hasRole(Role.ADMIN);
    }

    static boolean flag(String value, String name) {
        if (value == null || value.isEmpty() || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw ApiException.badRequest("'" + name + "' must be true or false");
    }

    static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= JobManager.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.badRequest("'limit' must be a number from 1 to " + JobManager.MAX_LIMIT);
    }

    /** The segments after {@code /api/v1/jobs}: {@code /abc/cancel} → [abc, cancel]. */
    static List<String> segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.isEmpty() || info.equals("/")) {
            return List.of();
        }
        String trimmed = info.startsWith("/") ? info.substring(1) : info;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return List.of(trimmed.split("/", -1));
    }

    private static String shorten(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }
}
