export type NotAllowedReason = "invalid_url" | "scheme" | "userinfo" | "host" | "private_address" | "loopback";

/** Thrown before any byte leaves the process: the URL points somewhere we refuse to call. */
export class OutboundNotAllowedError extends Error {
  readonly code = "not_allowed" as const;
  constructor(
    readonly reason: NotAllowedReason,
    message: string,
    /** Host only (never the full URL: a query string may carry a secret). */
    readonly host?: string,
  ) {
    super(message);
    this.name = "OutboundNotAllowedError";
  }
}

/** The host name did not resolve at all: the caller reports it as "unreachable". */
export class DnsLookupError extends Error {
  readonly code = "dns_failed" as const;
  constructor(
    readonly host: string,
    message: string,
  ) {
    super(message);
    this.name = "DnsLookupError";
  }
}

export function isOutboundNotAllowed(e: unknown): e is OutboundNotAllowedError {
  return e instanceof OutboundNotAllowedError;
}
