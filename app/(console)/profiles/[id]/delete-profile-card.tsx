"use client";
import { useRouter } from "next/navigation";
import { deleteProfileAction } from "@/lib/profiles/actions";
import { DeleteProfileSchema } from "@/lib/profiles/schemas";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "./profile-context";

/** ADMIN: delete the profile once its name is typed back. */
export function DeleteProfileCard() {
  const { profile } = useProfile();
  const router = useRouter();
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: DeleteProfileSchema,
    defaultValues: { profileId: profile.id, confirmName: "" },
    action: deleteProfileAction,
    onSuccess: () => router.push("/profiles"),
  });
  const confirm = form.watch("confirmName");
  return (
    <Card className="space-y-3 border-red-200 p-5 dark:border-red-900">
      <h2 className="text-base font-semibold text-red-700 dark:text-red-400">Delete profile</h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Stops all deliveries. The delivery history is kept for audit. Type the profile name to confirm.
      </p>
      <form onSubmit={submit} noValidate className="space-y-3">
        <Field id="confirm-delete" label="Profile name" errors={errorsOf("confirmName")}>
          <TextInput id="confirm-delete" invalid={!!errorsOf("confirmName")} {...form.register("confirmName")} />
        </Field>
        <Button type="submit" variant="danger" size="sm" disabled={confirm !== profile.name || pending}>
          Delete this profile
        </Button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </Card>
  );
}
