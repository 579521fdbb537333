"use client";
import { useMemo, useState } from "react";
import { defaultDestinationMapping, defaultSourceMapping, previewMapping } from "@/lib/mapping-engine";
import { Card } from "@/components/ui/page-header";
import { Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "../profile-context";

// An AEP destination profile as the destination template sends it (API-CONTRACTS §6), to preview
// the destination mapping on.
const SAMPLE_AEP_PROFILE = {
  segmentMembership: { ups: { "5b0e1c7a-0000-4000-8000-000000000001": { lastQualificationTime: "2026-11-20T10:00:00Z", status: "realized" } } },
  identityMap: { email_lc_sha256: [{ id: "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514" }] },
  attributes: { firstName: { value: "Ada" }, lastName: { value: "Lovelace" }, email: { value: " Ada@Example.com " }, companyName: { value: "Analytical Engines" }, jobTitle: { value: "Engineer" }, countryCode: { value: "gb" } },
};

/**
 * The mapping in effect: the default rules for this direction, run by the same engine the worker
 * uses, on a sample, with XDM validation. The visual editor with drafts and versions builds on this.
 */
export function MappingClient({ samples }: { samples: { name: string; sample: unknown }[] }) {
  const { profile } = useProfile();
  const tenant = profile.tenantId ?? "tenant";
  const source = profile.direction === "SOURCE";
  const rules = useMemo(() => (source ? defaultSourceMapping(tenant) : defaultDestinationMapping()), [source, tenant]);
  const enabled = samples.filter((s) => profile.pushTypes.includes(s.name));
  const choices = source ? (enabled.length ? enabled : samples) : [{ name: "AEP profile", sample: SAMPLE_AEP_PROFILE }];
  const [chosen, setChosen] = useState(choices[0]?.name ?? "");
  const payload = choices.find((c) => c.name === chosen)?.sample ?? choices[0]?.sample;
  const preview = useMemo(
    () => previewMapping({ rules, payload: payload as Record<string, unknown>, tenantId: source ? tenant : undefined }),
    [rules, payload, source, tenant],
  );
  return (
    <div className="space-y-6">
      <Alert tone="info">
        {source ? "Default mapping: every field of the RainFocus payload to the recommended XDM field groups under " : "Default mapping: AEP profile attributes to the twelve RainFocus attendee fields."}
        {source ? <code className="font-mono">_{tenant}</code> : null}
        {source && !profile.tenantId ? " (set your XDM tenant ID under Credentials)" : null}. This is what deliveries use until a mapping is published.
      </Alert>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <h2 className="px-5 pt-4 text-base font-semibold">Rules ({rules.length})</h2>
          <Table label="Mapping rules">
            <thead><tr><Th>Source or expression</Th><Th>Target</Th></tr></thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rules.map((r) => (
                <tr key={r.target}>
                  <Td className="font-mono text-xs break-all">{r.source ?? r.expression ?? JSON.stringify(r.value)}</Td>
                  <Td className="font-mono text-xs break-all">{r.target}{r.required ? <span className="text-red-600"> *</span> : null}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card className="p-5">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">Preview</h2>
            {choices.length > 1 ? (
              <Select aria-label="Sample" value={chosen} onChange={(e) => setChosen(e.target.value)} className="w-56">
                {choices.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
              </Select>
            ) : null}
          </div>
          {preview.errors.length || preview.validation.length ? (
            <Alert tone="error">
              {[...preview.errors.map((e) => `${e.target}: ${e.message}`), ...preview.validation.map((v) => `${v.pointerToViolation} ${v.keyword}: ${v.message}`)].map((m) => <span key={m} className="block">{m}</span>)}
            </Alert>
          ) : (
            <Alert tone="success">{source ? "Valid XDM for the RainFocus schema." : "All mapped fields produced."}</Alert>
          )}
          <pre data-testid="mapping-preview" className="mt-3 max-h-[32rem] overflow-auto rounded bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">{JSON.stringify(preview.output, null, 2)}</pre>
        </Card>
      </div>
    </div>
  );
}
