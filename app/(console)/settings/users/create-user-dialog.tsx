"use client";
import { useState } from "react";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { createUserAction } from "@/lib/users/actions";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (email: string, generatedPassword: string | null) => void;
}) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [role, setRole] = useState<(typeof ROLES)[number]>("OPS");

  async function submit(form: FormData) {
    setPending(true);
    const result = await createUserAction({
      email: form.get("email"),
      name: form.get("name"),
      role: form.get("role"),
      password: form.get("password"),
    });
    setPending(false);
    if (result.ok) {
      setErrors({});
      setMessage(null);
      onCreated(result.data.user.email, result.data.generatedPassword);
    } else {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="Add user">
      <form action={submit} className="space-y-4">
        {message ? <Alert tone="error">{message}</Alert> : null}
        <Field id="new-email" label="Email" errors={errors.email}>
          <TextInput id="new-email" name="email" type="email" required invalid={!!errors.email} />
        </Field>
        <Field id="new-name" label="Name" errors={errors.name}>
          <TextInput id="new-name" name="name" />
        </Field>
        <Field id="new-role" label="Role" hint={ROLE_DESCRIPTIONS[role]} errors={errors.role}>
          <Select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-password" label="Initial password" hint="Leave blank to generate one; it is shown once." errors={errors.password}>
          <TextInput id="new-password" name="password" type="password" autoComplete="new-password" invalid={!!errors.password} />
        </Field>
        <div className="flex justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
