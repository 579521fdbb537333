"use client";
import { TimeAgo } from "@/components/time-ago";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { changeUserRoleAction, listUsersAction, resetUserPasswordAction, setUserDisabledAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/queries";
import { unwrap } from "@/lib/actions/unwrap";
import { userKeys } from "@/lib/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CreateUserDialog } from "./create-user-dialog";
import { SecretReveal } from "./secret-reveal";

export function UsersClient({ initialUsers, currentUserId }: { initialUsers: UserRow[]; currentUserId: string }) {
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{ email: string; password: string } | null>(null);
  const [confirmReset, setConfirmReset] = useState<UserRow | null>(null);
  const [confirmDisable, setConfirmDisable] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState(false);
  const users = useQuery({ queryKey: userKeys.list(), queryFn: () => unwrap(listUsersAction()), initialData: initialUsers });

  const settle = (result: { ok: boolean; error?: string }) => {
    setError(result.ok ? null : (result.error ?? null));
    return queryClient.invalidateQueries({ queryKey: userKeys.list() });
  };
  // The chosen role is taken from the event now, as data: reading e.target.value later, when the
  // mutation runs, read the select after React had put it back to the old role (the role never changed).
  const changeRole = useMutation({ mutationFn: (v: { userId: string; role: Role }) => changeUserRoleAction(v), onSuccess: settle });
  const setDisabled = useMutation({ mutationFn: (v: { userId: string; disabled: boolean }) => setUserDisabledAction(v), onSuccess: settle });
  const busy = changeRole.isPending || setDisabled.isPending;

  async function resetPassword(userId: string) {
    setResetting(true);
    try {
      const result = await resetUserPasswordAction({ userId });
      if (result.ok) setRevealed({ email: result.data.email, password: result.data.generatedPassword });
      else setError(result.error);
    } finally {
      setResetting(false);
      setConfirmReset(null);
    }
  }

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Dialog open={confirmReset !== null} onClose={() => setConfirmReset(null)} title="Reset password">
        {confirmReset ? (
          <div className="space-y-4 text-sm">
            <p>
              A new password for <strong>{confirmReset.email}</strong> is generated and shown once. The old one stops working, and{" "}
              {confirmReset.id === currentUserId ? "you are" : "they are"} signed out of every browser session now.{" "}
              {confirmReset.id === currentUserId ? "Your" : "Their"} API tokens are revoked, and any sign-in delay from failed attempts is lifted.
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setConfirmReset(null)} disabled={resetting}>
                Cancel
              </Button>
              <Button variant="danger" onClick={() => resetPassword(confirmReset.id)} disabled={resetting}>
                {resetting ? "Resetting…" : "Reset password"}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={confirmDisable !== null}
        title="Disable user"
        confirmLabel="Disable user"
        danger
        pending={setDisabled.isPending}
        onCancel={() => setConfirmDisable(null)}
        onConfirm={() => setDisabled.mutate({ userId: confirmDisable!.id, disabled: true }, { onSettled: () => setConfirmDisable(null) })}
      >
        <p>
          <strong>{confirmDisable?.email}</strong> can no longer sign in, and their API tokens are revoked now (a new token is needed after enabling them
          again).
        </p>
      </ConfirmDialog>
      {revealed ? <SecretReveal label={`New password for ${revealed.email}`} secret={revealed.password} onDone={() => setRevealed(null)} /> : null}
      <Card>
        <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 className="text-sm font-semibold">Users ({users.data.length})</h2>
          <Button onClick={() => setCreating(true)}>Add user</Button>
        </div>
        <Table label="Users">
          <thead>
            <tr>
              <Th>User</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last sign-in</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {users.data.map((u) => {
              const self = u.id === currentUserId;
              return (
                <tr key={u.id} data-testid={`user-row-${u.email}`}>
                  <Td>
                    <div className="font-medium">{u.name || u.email}</div>
                    {u.name ? <div className="text-xs text-zinc-500">{u.email}</div> : null}
                  </Td>
                  <Td>
                    <Select
                      aria-label={`Role of ${u.email}`}
                      value={changeRole.isPending && changeRole.variables.userId === u.id ? changeRole.variables.role : u.role}
                      disabled={self || busy}
                      title={self ? "You cannot change your own role" : ROLE_DESCRIPTIONS[u.role]}
                      onChange={(e) => changeRole.mutate({ userId: u.id, role: e.target.value as Role })}
                      className="w-36"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </Select>
                  </Td>
                  <Td>{u.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td>
                    <TimeAgo date={u.lastLoginAt} never="Never" />
                  </Td>
                  <Td className="space-x-2 text-right whitespace-nowrap">
                    <Button size="sm" variant="secondary" onClick={() => setConfirmReset(u)}>
                      Reset password
                    </Button>
                    {!self ? (
                      <Button
                        size="sm"
                        variant={u.disabled ? "secondary" : "danger"}
                        disabled={busy}
                        onClick={() => (u.disabled ? setDisabled.mutate({ userId: u.id, disabled: false }) : setConfirmDisable(u))}
                      >
                        {u.disabled ? "Enable" : "Disable"}
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(email, password) => {
          setCreating(false);
          if (password) setRevealed({ email, password });
          queryClient.invalidateQueries({ queryKey: userKeys.list() });
        }}
      />
    </div>
  );
}
