import { inboundRoute } from "@/lib/inbound/route";
import { acceptRainfocusPush } from "@/lib/inbound/rainfocus";

// RainFocus push (source direction). Not an API-token route: the X-RF-Signature HMAC with the
// profile's inbound secret is the authentication.
export const POST = inboundRoute(acceptRainfocusPush);
