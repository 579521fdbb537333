"use client";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { useProfile } from "../profile-context";

const FIELD_NOTES: Record<string, string> = {
  countryid: "ISO 3166-1 alpha-2 country code",
  state: "FIPS state code",
  email: "Must be mapped: the identity is email_lc_sha256",
};

export function DestinationClient({ fields }: { fields: string[] }) {
  const { profile, baseUrl } = useProfile();
  const endpoint = `${baseUrl}/api/v1/inbound/aep/${profile.id}`;
  return (
    <div className="space-y-6">
      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">RainFocus Attendee Profiles destination</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-[12rem_1fr]">
          <dt className="text-zinc-500">Event ID</dt>
          <dd>
            <code className="font-mono">{profile.eventCode}</code>
          </dd>
          <dt className="text-zinc-500">Environment</dt>
          <dd>{profile.rainfocus.environment}</dd>
          <dt className="text-zinc-500">Org ID</dt>
          <dd>{profile.rainfocus.orgId ?? <span className="text-zinc-500">not set (Credentials)</span>}</dd>
          <dt className="text-zinc-500">Identity</dt>
          <dd>
            <code className="font-mono">email_lc_sha256</code>: SHA-256 of the trimmed, lower-cased email, lowercase hex
          </dd>
          <dt className="text-zinc-500">Mapping</dt>
          <dd>
            {profile.mapping.publishedVersion ? (
              `version ${profile.mapping.publishedVersion} published`
            ) : (
              <span className="text-amber-700 dark:text-amber-400">not published yet: activation needs it</span>
            )}
          </dd>
        </dl>
        <p className="text-xs text-zinc-500">Results of each upsert also appear in RainFocus under the API profile&apos;s logging.</p>
      </Card>
      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">Connect AEP to Relay</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          In AEP, set up an <strong>HTTP API</strong> destination (one profile per request, XDM fields) or a Destination SDK destination passing{" "}
          <code className="font-mono">input.profiles</code> through. Relay detects the format of every request and stores up to 10,000 profiles per request.
        </p>
        <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-[12rem_1fr]">
          <dt className="text-zinc-500">HTTP Endpoint</dt>
          <dd>
            <code data-testid="aep-endpoint" className="font-mono text-xs break-all">
              {endpoint}
            </code>
          </dd>
          <dt className="text-zinc-500">Bearer token</dt>
          <dd>the profile&apos;s inbound secret (shown once, on creation or rotation)</dd>
          <dt className="text-zinc-500">OAuth 2 Client Credentials</dt>
          <dd className="space-y-1">
            <div>
              Access Token URL <code className="font-mono text-xs break-all">{endpoint}/token</code>
            </div>
            <div>
              Client ID <code className="font-mono text-xs">{profile.id}</code>, Client Secret: the inbound secret; Body Form Encoded or Basic Authorization
            </div>
          </dd>
          <dt className="text-zinc-500">None</dt>
          <dd>
            only with the profile&apos;s unguessable URL <code className="font-mono text-xs">{endpoint}/&lt;key&gt;</code>, shown with the inbound secret when
            the profile is created or the secret rotated; prefer a token
          </dd>
          <dt className="text-zinc-500">Map in AEP</dt>
          <dd>
            the email as an attribute (e.g. <code className="font-mono">personalEmail.address</code>): <code className="font-mono">email_lc_sha256</code> is a
            hash and cannot become the attendee&apos;s email
          </dd>
        </dl>
      </Card>
      <Card>
        <h2 className="px-5 pt-4 text-base font-semibold">Target attendee fields</h2>
        <Table label="Target attendee fields">
          <thead>
            <tr>
              <Th>RainFocus field</Th>
              <Th>Note</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {fields.map((f) => (
              <tr key={f}>
                <Td>
                  <code className="font-mono">{f}</code>
                </Td>
                <Td className="text-zinc-600 dark:text-zinc-400">{FIELD_NOTES[f] ?? ""}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
