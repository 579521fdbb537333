"use client";
import { useId } from "react";
import { describeJsonError } from "@/lib/json-error";

/** Where JSON.parse stopped, as "line L, column C" (V8 reports a character position). */
export function jsonError(text: string): string | null {
  try {
    const v = JSON.parse(text);
    if (!v || typeof v !== "object" || Array.isArray(v)) return "The payload must be a JSON object.";
    return null;
  } catch (e) {
    return describeJsonError(text, e);
  }
}

/** A plain textarea validated as you type; monospace, no wrapping, tab inserts two spaces. */
export function JsonEditor({
  value,
  onChange,
  label,
  validHint = "Valid JSON. transmissionId and eventType are set by Relay on send.",
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  validHint?: string;
}) {
  const id = useId();
  const error = jsonError(value);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={`${id}-state`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Tab") return;
          e.preventDefault();
          const t = e.currentTarget;
          const s = t.selectionStart;
          onChange(value.slice(0, s) + "  " + value.slice(t.selectionEnd));
          requestAnimationFrame(() => t.setSelectionRange(s + 2, s + 2));
        }}
        rows={18}
        className={`block w-full whitespace-pre rounded-md border bg-zinc-50 p-3 font-mono text-xs leading-relaxed focus:outline-none focus:ring-2 dark:bg-zinc-950 ${error ? "border-red-400 focus:ring-red-500/30" : "border-zinc-300 focus:ring-brand-500/30 dark:border-zinc-700"}`}
      />
      <p
        id={`${id}-state`}
        className={`text-xs ${error ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
        role={error ? "alert" : undefined}
        data-alert={error ? "error" : undefined}
      >
        {error ?? validHint}
      </p>
    </div>
  );
}
