"use client";
import type { RainfocusSettings } from "@/lib/rainfocus/settings";
import { AdobeCredentialsForm } from "./adobe-form";
import { RainfocusCredentialsForm } from "./rainfocus-form";
import { RainfocusSettingsForm } from "./rainfocus-settings-form";
import { useProfile } from "../profile-context";

export function CredentialsClient({ rainfocusDeployment }: { rainfocusDeployment: RainfocusSettings }) {
  const { profile } = useProfile();
  return (
    <div className="space-y-6">
      {profile.direction === "SOURCE" ? <AdobeCredentialsForm /> : null}
      <RainfocusCredentialsForm />
      <RainfocusSettingsForm deployment={rainfocusDeployment} />
    </div>
  );
}
