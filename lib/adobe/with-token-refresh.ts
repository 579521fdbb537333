import type { ImsClient } from "./ims-client";
import type { AdobeCredentials, AdobeFailure } from "./types";

export type WithTokenResult<R> =
  | { ok: true; result: R; refreshed: boolean /** the rejected first try, for the delivery log */; firstAttempt?: R }
  | { ok: false; tokenError: AdobeFailure };

/**
 * Runs `call` with a cached token; if Adobe rejects the token (gateway 401 `401013`, or a DCS
 * 401/403 on an authenticated inlet), drops it, fetches a new one and tries exactly once more.
 * Anything beyond that single retry belongs to the delivery engine's backoff.
 */
export async function withTokenRefresh<R>(
  ims: ImsClient,
  credentials: AdobeCredentials,
  call: (accessToken: string) => Promise<R>,
  isTokenRejected: (result: R) => boolean,
): Promise<WithTokenResult<R>> {
  const first = await ims.getToken(credentials);
  if (!first.ok) return { ok: false, tokenError: first };
  const r1 = await call(first.accessToken);
  if (!isTokenRejected(r1)) return { ok: true, result: r1, refreshed: false };

  ims.invalidate(credentials, first.accessToken);
  const second = await ims.getToken(credentials);
  if (!second.ok) return { ok: false, tokenError: second };
  const r2 = await call(second.accessToken);
  return { ok: true, result: r2, refreshed: true, firstAttempt: r1 };
}
