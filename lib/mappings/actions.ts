"use server";
import { runAction } from "@/lib/actions/run-action";
import * as D from "./action-defs";

export async function getMappingAction(input: unknown) {
  return runAction(D.getMappingDef, input);
}
export async function saveMappingDraftAction(input: unknown) {
  return runAction(D.saveMappingDraftDef, input);
}
export async function publishMappingAction(input: unknown) {
  return runAction(D.publishMappingDef, input);
}
export async function getMappingVersionAction(input: unknown) {
  return runAction(D.getMappingVersionDef, input);
}
export async function restoreMappingVersionAction(input: unknown) {
  return runAction(D.restoreMappingVersionDef, input);
}
export async function validateMappingOutputAction(input: unknown) {
  return runAction(D.validateMappingOutputDef, input);
}
