import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { rainfocusSettingsForBrowser, rainfocusSettingsFromEnv } from "@/lib/rainfocus/settings";
import { CredentialsClient } from "./credentials-client";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  await requirePageRole(CAN.viewProfiles);
  return <CredentialsClient rainfocusDeployment={rainfocusSettingsForBrowser(rainfocusSettingsFromEnv(env()))} />;
}
