"use client";
import { AdobeCredentialsForm } from "./adobe-form";
import { RainfocusCredentialsForm } from "./rainfocus-form";
import { useProfile } from "../profile-context";

export function CredentialsClient() {
  const { profile } = useProfile();
  return (
    <div className="space-y-6">
      {profile.direction === "SOURCE" ? <AdobeCredentialsForm /> : null}
      <RainfocusCredentialsForm />
    </div>
  );
}
