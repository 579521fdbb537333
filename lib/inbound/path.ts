// Capabilities in inbound URLs: the AEP-compatible inlet id (/inbound/collection/{inletId}) and the
// unguessable key of /inbound/aep/{profileId}/{key} (authentication "None"). Pure.

/**
 * A path (or URL) fit for logs and traces: the inlet id cut to its first 8 characters, as the
 * inlet's labels are, and the URL key replaced. Route patterns ([inletId], [key]) and anything
 * else pass unchanged.
 */
export function redactInboundPath(pathname: string): string {
  return pathname
    .replace(/(\/inbound\/collection\/(?!\[)[^/?#]{0,8})[^/?#]*/, "$1…")
    .replace(/(\/inbound\/aep\/[^/?#]+\/)(?!token(?:[/?#]|$)|\[)[^/?#]+/, "$1[redacted]");
}
