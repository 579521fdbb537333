import { inboundRoute } from "@/lib/inbound/route";
import { acceptAepExport } from "@/lib/inbound/aep";

// The profile's unguessable URL, for an HTTP API destination with authentication "None": the key
// (an HMAC of the inbound secret, lib/inbound/aep-auth.ts) is the authentication.
export const POST = inboundRoute<{ profileId: string; key: string }>(
  (profileId, request, ctx) => acceptAepExport(profileId, request, { ...ctx, urlKey: ctx.params.key }),
  {
    perProfileRateLimit: false,
  },
);
