import { inboundRoute } from "@/lib/inbound/route";
import { issueAepAccessToken } from "@/lib/inbound/aep-token";

// OAuth 2 client credentials token URL for an AEP HTTP API destination (client ID = profile ID,
// client secret = the profile's inbound secret).
export const POST = inboundRoute(issueAepAccessToken, { perProfileRateLimit: false });
