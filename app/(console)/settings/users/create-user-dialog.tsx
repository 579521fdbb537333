"use client";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { createUserAction } from "@/lib/users/actions";
import { CreateUserSchema } from "@/lib/users/schemas";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
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
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: CreateUserSchema,
    defaultValues: { email: "", name: "", role: "OPS", password: "" },
    action: createUserAction,
    onSuccess: (data) => {
      form.reset();
      onCreated(data.user.email, data.generatedPassword);
    },
  });
  const role = form.watch("role");

  return (
    <Dialog open={open} onClose={onClose} title="Add user">
      <form onSubmit={submit} noValidate className="space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Field id="new-email" label="Email" errors={errorsOf("email")}>
          <TextInput id="new-email" type="email" required invalid={!!errorsOf("email")} {...form.register("email")} />
        </Field>
        <Field id="new-name" label="Name" errors={errorsOf("name")}>
          <TextInput id="new-name" invalid={!!errorsOf("name")} {...form.register("name")} />
        </Field>
        <Field id="new-role" label="Role" hint={ROLE_DESCRIPTIONS[role]} errors={errorsOf("role")}>
          <Select id="new-role" {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-password" label="Initial password" hint="Leave blank to generate one; it is shown once." errors={errorsOf("password")}>
          <TextInput id="new-password" type="password" autoComplete="new-password" invalid={!!errorsOf("password")} {...form.register("password")} />
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
