"use server";
import { runAction } from "@/lib/actions/run-action";
import { changeUserRole, createUser, listUsersDef, resetUserPassword, setUserDisabled } from "./action-defs";

export async function createUserAction(input: unknown) {
  return runAction(createUser, input);
}
export async function changeUserRoleAction(input: unknown) {
  return runAction(changeUserRole, input);
}
export async function setUserDisabledAction(input: unknown) {
  return runAction(setUserDisabled, input);
}
export async function resetUserPasswordAction(input: unknown) {
  return runAction(resetUserPassword, input);
}
export async function listUsersAction() {
  return runAction(listUsersDef, {});
}
