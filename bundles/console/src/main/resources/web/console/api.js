// fetch wrapper for the REST API: JSON in and out, the CSRF header on state-changing calls,
// and errors carrying the server's {"error", "message"} (and field errors).

let csrfToken = null;
let onUnauthorized = () => {};

export function setCsrfToken(token) {
    csrfToken = token;
}

export function setUnauthorizedHandler(handler) {
    onUnauthorized = handler;
}

export class ApiError extends Error {
    constructor(status, code, message, body) {
        super(message);
        this.status = status;
        this.code = code;
        this.body = body || {};
        this.fields = (body && body.fields) || {};
    }
}

/**
 * api(path, {method, json, body, headers, quiet401}) → parsed JSON (or null for 204).
 * `json` is sent as application/json; `body` (a File or Blob) as is.
 */
export async function api(path, options = {}) {
    const method = (options.method || (options.json !== undefined || options.body ? 'POST' : 'GET')).toUpperCase();
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    let body = options.body;
    if (options.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.json);
    }
    if (!['GET', 'HEAD'].includes(method) && csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    let response;
    try {
        response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    } catch (e) {
        throw new ApiError(0, 'network', navigator.onLine === false ? 'You are offline.' : `The server could not be reached (${e.message}).`);
    }
    if (response.status === 204) {
        return null;
    }
    const text = await response.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch (e) {
            data = null;
        }
    }
    if (!response.ok) {
        const message = data && typeof data.message === 'string' ? data.message : `HTTP ${response.status} ${response.statusText}`.trim();
        const error = new ApiError(response.status, data && data.error, message, data);
        if (response.status === 401 && !options.quiet401) {
            onUnauthorized(error);
        }
        throw error;
    }
    return data;
}
