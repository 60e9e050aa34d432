package org.rapport.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class for REST servlets: JSON in and out, errors as {@code {"error", "message"}} with a
 * 4xx status for bad input and a 500 without a stack trace (logged with an incident id) for the
 * rest. Subclasses override the {@code doX} methods they support; the others answer 405.
 *
 * @since 0.1
 */
public abstract class JsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonServlet.class);

    /** Default limit for a JSON request body. */
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            super.service(req, resp);
        } catch (ApiException e) {
            writeError(resp, e.status(), e.code(), e.getMessage(), e.details());
        } catch (IOException e) {
            if (isClientAbort(e)) {
                LOG.debug("Client went away during {} {}", req.getMethod(), req.getRequestURI());
                return;
            }
            internalError(req, resp, e);
        } catch (RuntimeException e) {
            if (e instanceof ApiProblem problem && problem.status() >= 400 && problem.status() < 500) {
                writeError(resp, problem.status(), problem.code(), e.getMessage(), problem.details());
                return;
            }
            ApiException mapped = translate(e);
            if (mapped != null) {
                writeError(resp, mapped.status(), mapped.code(), mapped.getMessage(), mapped.details());
            } else {
                internalError(req, resp, e);
            }
        } catch (ServletException e) {
            internalError(req, resp, e);
        }
    }

    /**
     * Maps a domain exception thrown by a handler to an API error (e.g. a validation exception to
     * a 400 with field errors). The default maps nothing: the caller gets a 500 with an incident id.
     *
     * @param e what a handler threw (never an {@link ApiException})
     * @return the error to answer with, or {@code null} for an internal error
     * @since 0.1
     */
    protected ApiException translate(RuntimeException e) {
        return null;
    }

    private void internalError(HttpServletRequest req, HttpServletResponse resp, Exception e) throws IOException {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Incident {} in {} {}", incident, req.getMethod(), req.getRequestURI(), e);
        writeError(resp, 500, "internal", "Internal error (incident " + incident + ")", Map.of());
    }

    private static boolean isClientAbort(IOException e) {
        String name = e.getClass().getName();
        return name.endsWith("EofException") || name.endsWith("ClientAbortException");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw methodNotAllowed(req);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw methodNotAllowed(req);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw methodNotAllowed(req);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw methodNotAllowed(req);
    }

    @Override
    protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw methodNotAllowed(req);
    }

    private static ApiException methodNotAllowed(HttpServletRequest req) {
        return new ApiException(405, "method_not_allowed", req.getMethod() + " is not supported here");
    }

    /** Reads the JSON body as {@code type}, within {@link #DEFAULT_MAX_BODY}. */
    protected <T> T readJson(HttpServletRequest req, Class<T> type) throws IOException {
        return readJson(req, type, DEFAULT_MAX_BODY);
    }

    /**
     * Reads the JSON body as {@code type}. A missing or non-JSON content type is 415, a body over
     * {@code maxBytes} 413, malformed JSON or a wrong field 400 naming the place.
     */
    protected <T> T readJson(HttpServletRequest req, Class<T> type, int maxBytes) throws IOException {
        String contentType = req.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "Send the body as application/json");
        }
        byte[] body = readBody(req, maxBytes);
        if (body.length == 0) {
            throw ApiException.badRequest("The request body is empty; a JSON object is expected");
        }
        try {
            return Json.mapper().readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("Unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("Wrong value for '" + fieldPath(e) + "': " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        });
        return path.length() == 0 ? "(body)" : path.toString();
    }

    /** Reads the raw body, failing with 413 as soon as it passes {@code maxBytes}. */
    protected static byte[] readBody(HttpServletRequest req, int maxBytes) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = req.getInputStream()) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return data;
        }
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "payload_too_large", "The request body is larger than " + maxBytes + " bytes");
    }

    /** Writes {@code body} as JSON with the given status. */
    protected static void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        Json.mapper().writeValue(resp.getOutputStream(), body);
    }

    /** Writes the standard error body. */
    public static void writeError(HttpServletResponse resp, int status, String code, String message,
            Map<String, Object> details) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.putAll(details);
        writeJson(resp, status, body);
    }
}
