"use client";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";

/** Pending state, field errors and the message of one server-action form. */
export function useActionForm<T>(onSuccess?: (data: T) => void) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  async function run(call: () => Promise<ActionResult<T>>): Promise<void> {
    setPending(true);
    setSaved(false);
    try {
      const result = await call();
      if (result.ok) {
        setFieldErrors({});
        setError(null);
        setSaved(true);
        onSuccess?.(result.data);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setError(result.error);
      }
    } finally {
      setPending(false);
    }
  }
  return { pending, fieldErrors, error, saved, run };
}
