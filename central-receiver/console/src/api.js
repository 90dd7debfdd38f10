// The operators' API from the page: same-origin requests with the session cookie (HttpOnly: the
// page never sees it) and the session's CSRF token on every state-changing request. The token
// lives in memory only; nothing secret goes to localStorage.

let csrfToken = null;
let onSessionLost = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || ('HTTP ' + status));
    this.status = status;
    this.field = problem ? problem.field : undefined;
    this.problem = problem || {};
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

/** What to do when the server says the session is gone (401 on anything but sign-in). */
export function whenSessionLost(f) {
  onSessionLost = f;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** {@code link} (which may have a query already) with more parameters. */
export function withParams(link, params) {
  const q = query(params);
  return q ? link + (link.includes('?') ? '&' + q.slice(1) : q) : link;
}

export async function request(method, path, body, contentType = 'application/json') {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  if (res.status === 401 && !(path === '/api/v1/session' && method === 'POST')) onSessionLost();
  if (!res.ok) {
    let problem = null;
    try {
      problem = await res.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);
