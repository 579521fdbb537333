import { inboundRoute } from "@/lib/delivery/inbound-route";
import { acceptAepExport } from "@/lib/delivery/inbound-aep";

// AEP streaming destination (destination direction). Not an API-token route: the profile's
// inbound secret as a bearer token is the authentication.
export const POST = inboundRoute(acceptAepExport);
