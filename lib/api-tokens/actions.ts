"use server";
import { runAction } from "@/lib/actions/run-action";
import { createApiToken, listAllApiTokensDef, listApiTokensDef, revokeApiToken } from "./action-defs";

export async function createApiTokenAction(input: unknown) {
  return runAction(createApiToken, input);
}
export async function revokeApiTokenAction(input: unknown) {
  return runAction(revokeApiToken, input);
}
export async function listApiTokensAction() {
  return runAction(listApiTokensDef, {});
}
export async function listAllApiTokensAction() {
  return runAction(listAllApiTokensDef, {});
}
