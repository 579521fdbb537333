import { createPrivateKey, sign } from "node:crypto";

export interface AdobeJwtInput {
  imsUrl: string;
  clientId: string;
  orgId: string;
  technicalAccountId: string;
  privateKeyPem: string;
  /** Metascopes; AEP needs ent_dataservices_sdk. */
  metascopes?: string[];
  /** JWT lifetime; Adobe allows at most 24 h. Short is safer: the JWT is only exchanged once. */
  lifetimeSeconds?: number;
  now?: number;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** Builds the RS256 JWT that the legacy `/ims/exchange/jwt` endpoint trades for an access token. */
export function signAdobeJwt(input: AdobeJwtInput): string {
  const base = new URL(input.imsUrl).origin;
  const nowSec = Math.floor((input.now ?? Date.now()) / 1000);
  const payload: Record<string, unknown> = {
    exp: nowSec + Math.min(input.lifetimeSeconds ?? 600, 86_400),
    iss: input.orgId,
    sub: input.technicalAccountId,
    aud: `${base}/c/${input.clientId}`,
  };
  for (const scope of input.metascopes ?? ["ent_dataservices_sdk"]) payload[`${base}/s/${scope}`] = true;
  const signingInput = `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  // createPrivateKey accepts PKCS#1 and PKCS#8 PEMs; it throws on garbage, which the caller reports.
  const key = createPrivateKey(input.privateKeyPem);
  return `${signingInput}.${b64url(sign("RSA-SHA256", Buffer.from(signingInput), key))}`;
}
