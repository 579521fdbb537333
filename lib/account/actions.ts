"use server";
import { runAction } from "@/lib/actions/run-action";
import { changeOwnPasswordDef, createOwnTokenDef, listOwnTokensDef, revokeOwnTokenDef } from "./action-defs";

export async function changeOwnPasswordAction(input: unknown) {
  return runAction(changeOwnPasswordDef, input);
}
export async function listOwnTokensAction(input?: unknown) {
  return runAction(listOwnTokensDef, input);
}
export async function createOwnTokenAction(input: unknown) {
  return runAction(createOwnTokenDef, input);
}
export async function revokeOwnTokenAction(input: unknown) {
  return runAction(revokeOwnTokenDef, input);
}
