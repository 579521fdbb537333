import { inboundRoute } from "@/lib/inbound/route";
import { acceptAepExport } from "@/lib/inbound/aep";

// AEP destination (destination direction). Not an API-token route: the profile's inbound secret,
// or an access token from ./token, as a bearer token is the authentication. No per-profile rate
// limit: AEP drops what is refused (lib/inbound/aep.ts).
export const POST = inboundRoute(acceptAepExport, { perProfileRateLimit: false });
