import { actorFromBearer } from "@/lib/api-tokens/bearer";

// Auth.js cannot load outside Next (next-auth imports "next/server" without an extension), and
// tests that call route handlers directly send API tokens anyway. They replace the session module
// with this, its API-token path:
//   vi.mock("@/lib/auth/session", () => import("../support/token-session"));
export const getRequestActor = (request: Request) => actorFromBearer(request.headers.get("authorization"));
export const getActor = async () => null;
export const currentIp = async () => null;
