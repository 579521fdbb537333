"use client";
import { useMemo, useRef, useState } from "react";
import { compile, MappingCompileError, MappingSyntaxError, parseExpression } from "@/lib/mapping-engine";
import { Button } from "@/components/ui/button";
import { TextInput, inputClass } from "@/components/ui/field";
import { FunctionList } from "./function-list";

function checkExpression(expression: string): string | null {
  if (!expression.trim()) return null;
  try {
    parseExpression(expression);
    compile([{ target: "x", expression }]);
    return null;
  } catch (e) {
    if (e instanceof MappingSyntaxError) return e.message;
    if (e instanceof MappingCompileError) return e.issues.map((i) => i.message).join("; ");
    return e instanceof Error ? e.message : String(e);
  }
}

/** Calculated field: target, expression with live parse errors, function list and field insertion. */
export function ExpressionEditor({
  initial,
  sourcePaths,
  targetPaths,
  onSave,
  onCancel,
}: {
  initial?: { target: string; expression: string };
  sourcePaths: string[];
  targetPaths: string[];
  onSave: (target: string, expression: string) => void;
  onCancel: () => void;
}) {
  const [target, setTarget] = useState(initial?.target ?? "");
  const [expression, setExpression] = useState(initial?.expression ?? "");
  const ref = useRef<HTMLTextAreaElement>(null);
  const error = useMemo(() => checkExpression(expression), [expression]);

  function insert(text: string) {
    const el = ref.current;
    const start = el?.selectionStart ?? expression.length;
    const end = el?.selectionEnd ?? expression.length;
    const next = expression.slice(0, start) + text + expression.slice(end);
    setExpression(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  return (
    <div className="space-y-3 rounded-lg border border-brand-100 bg-brand-50/40 p-3 dark:border-brand-700/40 dark:bg-brand-700/10">
      <div className="grid gap-3 md:grid-cols-2">
        <label className="text-xs font-medium">
          Target field
          <TextInput
            list="target-paths"
            aria-label="Calculated field target"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="_tenant.attendee.emailHash"
            className="mt-1 font-mono text-xs"
          />
          <datalist id="target-paths">
            {targetPaths.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <label className="text-xs font-medium">
          Insert source field
          <select
            aria-label="Insert source field"
            className={`${inputClass} mt-1 font-mono text-xs`}
            value=""
            onChange={(e) => e.target.value && insert(e.target.value)}
          >
            <option value="">Choose a field…</option>
            {sourcePaths.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block text-xs font-medium">
        Expression
        <textarea
          ref={ref}
          aria-label="Expression"
          aria-invalid={!!error}
          value={expression}
          onChange={(e) => setExpression(e.target.value)}
          rows={3}
          maxLength={4096}
          spellCheck={false}
          className={`${inputClass} mt-1 font-mono text-xs`}
          placeholder="sha256(lower(trim(attendee.email)))"
        />
      </label>
      {error ? (
        <p role="note" data-testid="expression-error" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <FunctionList onInsert={insert} />
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={!target.trim() || !expression.trim() || !!error} onClick={() => onSave(target.trim(), expression.trim())}>
          {initial ? "Update calculated field" : "Add calculated field"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
