// Pure: the one place secrets are taken out of what gets stored or logged. Two rules, on purpose:
//  - HTTP exchanges recorded for the delivery log (redactHeaders, redactUrl, redactBody) name
//    secrets by exact key, so the rest of the request stays byte-exact for debugging;
//  - audit diffs and log lines (redactSecrets) match any key that looks like a secret: there a
//    false positive only hides a value nobody needs.
// Credentials must never reach the database, the browser or a log.
export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-auth-token",
  "authtoken",
  "rfauthtoken",
  // RainFocus's apiProfile key: with the token grant "none" it is the only credential.
  "apiprofile",
]);

const SECRET_KEYS = new Set([
  "client_secret",
  "clientsecret",
  "secret",
  "password",
  "jwt_token",
  "access_token",
  "accesstoken",
  "refresh_token",
  "id_token",
  "token",
  "authtoken",
  "rfauthtoken",
  "private_key",
  "privatekey",
  "privatekeypem",
  "apiprofile",
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    if (!SECRET_HEADERS.has(lower)) out[k] = v;
    else if (lower.endsWith("authorization")) out[k] = `${v.split(" ")[0] ?? ""} ${REDACTED}`.trim();
    else out[k] = REDACTED;
  }
  return out;
}

export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const key of [...parsed.searchParams.keys()]) {
    if (isSecretKey(key)) {
      parsed.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
    changed = true;
  }
  return changed ? parsed.toString() : url;
}

function redactValue(value: unknown): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) {
    let changed = false;
    const arr = value.map((v) => {
      const r = redactValue(v);
      changed ||= r.changed;
      return r.value;
    });
    return { value: arr, changed };
  }
  if (value && typeof value === "object") {
    let changed = false;
    const obj: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (isSecretKey(k) && v !== null && v !== undefined) {
        obj[k] = REDACTED;
        changed = true;
      } else {
        const r = redactValue(v);
        changed ||= r.changed;
        obj[k] = r.value;
      }
    }
    return { value: obj, changed };
  }
  return { value, changed: false };
}

/** A parsed JSON value with its secret fields redacted: the same value when it holds none. */
export function redactJson<T>(value: T): T {
  return redactValue(value).value as T;
}

/** Redacts secret fields in a JSON or form-encoded body; returns the original text when nothing changed. */
export function redactBody(body: string | undefined, contentType?: string): string | undefined {
  if (body === undefined || body === "") return body;
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const r = redactValue(JSON.parse(body));
      return r.changed ? JSON.stringify(r.value) : body;
    } catch {
      return body;
    }
  }
  if (contentType?.includes("x-www-form-urlencoded") || /^[\w.%-]+=/.test(trimmed)) {
    const params = new URLSearchParams(body);
    let changed = false;
    for (const key of [...params.keys()]) {
      if (isSecretKey(key)) {
        params.set(key, REDACTED);
        changed = true;
      }
    }
    return changed ? params.toString() : body;
  }
  return body;
}

const SECRET_LIKE_KEY = /(secret|password|passwd|token|private.?key|api.?key|authorization|credential|cookie)/i;
const REDACTED_FIELD = "[redacted]";

/** Audit before/after and log fields: every key that looks like a secret, at any depth, is replaced. */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_LIKE_KEY.test(k) && v !== null && v !== undefined ? REDACTED_FIELD : redactSecrets(v, depth + 1);
  }
  return out as T;
}
