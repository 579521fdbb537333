"use client";
import { useEffect, useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MappedPreview, PreviewValidationIssue } from "@/lib/mapping-engine";
import { unwrap } from "@/lib/actions/unwrap";
import { validateMappingOutputAction } from "@/lib/mappings/actions";
import { mappingKeys } from "@/lib/query-keys";

/** Quiet time after the last change to the mapped output before it is sent for checking. */
export const XDM_CHECK_DEBOUNCE_MS = 250;

export type XdmCheck = {
  /** False when there is nothing to check: no target schema (destination) or the mapping did not run. */
  applies: boolean;
  /** The server's findings for the output shown, or for the previous one while `checking`; null before the first answer. */
  validation: PreviewValidationIssue[] | null;
  /** The shown output changed and its check has not answered yet. */
  checking: boolean;
  /** Why the last check failed (the findings above are then not for the output shown). */
  error: string | null;
  retry: () => void;
};

type CheckRequest = {
  schemaHash: string;
  json: string;
  output: Record<string, unknown>;
  schema?: Record<string, unknown>;
  tenantId?: string;
};

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * XDM validation of the editor's mapped output, on the server (validateMappingOutputAction): the
 * browser can't run ajv under the pages' CSP. Sent 250 ms after the output last changed, cached per
 * schema and output (an undo is answered from the cache), and the previous findings stay on screen
 * while a new check runs.
 */
export function useXdmCheck(mapped: MappedPreview | null, schema: Record<string, unknown> | undefined, tenantId: string | undefined): XdmCheck {
  // The same schema resolution as mapPreview's: the uploaded schema, else the tenant's default.
  const request = useMemo<CheckRequest | null>(() => {
    if (!mapped?.model) return null;
    return {
      schemaHash: mapped.model.hash,
      json: JSON.stringify(mapped.output),
      output: mapped.output,
      ...(schema ? { schema } : {}),
      ...(tenantId ? { tenantId } : {}),
    };
  }, [mapped, schema, tenantId]);
  const sent = useDebounced(request, XDM_CHECK_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: mappingKeys.xdmCheck(sent?.schemaHash ?? "", sent?.json ?? ""),
    queryFn: () => unwrap(validateMappingOutputAction({ output: sent!.output, schema: sent!.schema, tenantId: sent!.tenantId })),
    enabled: sent !== null,
    placeholderData: keepPreviousData,
    // One output against one schema always gets the same answer.
    staleTime: Infinity,
    gcTime: 60_000,
    // Refusals (too large, unusable schema) would only fail again; the panel offers a retry.
    retry: false,
  });
  if (!request) return { applies: false, validation: [], checking: false, error: null, retry: () => {} };
  const pending = !sent || sent.schemaHash !== request.schemaHash || sent.json !== request.json;
  return {
    applies: true,
    validation: query.data?.validation ?? null,
    checking: pending || query.isFetching,
    error: !pending && query.isError ? query.error.message : null,
    retry: () => void query.refetch(),
  };
}
