import "server-only";
import { headers } from "next/headers";
import { liveSetting } from "@/lib/env";

/** The console's own base URL as the browser reached it (PUBLIC_URL wins when set). */
export async function publicBaseUrl(): Promise<string> {
  const configured = liveSetting("PUBLIC_URL");
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export function inboundUrl(base: string, direction: "SOURCE" | "DESTINATION", profileId: string): string {
  return `${base}/api/v1/inbound/${direction === "SOURCE" ? "rainfocus" : "aep"}/${profileId}`;
}
