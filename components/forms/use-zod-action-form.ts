"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/define-action";

/**
 * The one form pattern of the console: react-hook-form with the action's own zod schema (the same
 * one the server parses with), submitted through a TanStack Query mutation.
 *
 * - Inputs are registered, so what the person typed stays in the form whatever the server answers
 *   (a `<form action>` would be reset by React after every submission, wiping the bad value).
 * - The browser checks with the schema first; the server checks again, and its field errors are
 *   put beside their fields. An error for something that is not a field joins the form's message.
 * - The resolver runs in raw mode: the server receives what was typed, not the schema's output
 *   (its transforms, e.g. blank → null, would not parse a second time).
 */
export function useZodActionForm<S extends z.ZodType<unknown, FieldValues>, T>({
  schema,
  defaultValues,
  action,
  onSuccess,
}: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  onSuccess?: (data: T) => void;
}) {
  type Input = z.input<S>;
  const form = useForm<Input, unknown, Input>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const mutation = useMutation({
    mutationFn: action,
    onMutate: () => {
      setSaved(false);
      setError(null);
    },
    onSuccess: (result) => {
      if (result.ok) {
        setSaved(true);
        onSuccess?.(result.data);
        return;
      }
      const known = form.getValues() as Record<string, unknown>;
      const elsewhere: string[] = [];
      const beside: string[] = [];
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (key in known) {
          form.setError(key as Path<Input>, { type: "server", message: messages.join(" ") }, { shouldFocus: true });
          beside.push(...messages);
        } else elsewhere.push(...messages);
      }
      // The form's message points at the fields rather than repeating what is already beside one.
      const summary = beside.includes(result.error) ? `Please correct the highlighted field${beside.length > 1 ? "s" : ""}.` : result.error;
      setError([summary, ...elsewhere].join(" "));
    },
    onError: () => setError("The server could not be reached. Your input is kept; try again."),
  });

  const submit = form.handleSubmit((values) => mutation.mutateAsync(values).then(() => undefined));
  /** The messages of one field, in the shape `<Field errors>` takes. */
  const errorsOf = (name: Path<Input>): string[] | undefined => {
    const message = form.getFieldState(name, form.formState).error?.message;
    return message ? [message] : undefined;
  };
  return { form, submit, errorsOf, pending: mutation.isPending, error, saved };
}
