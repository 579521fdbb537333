"use server";
import { runAction } from "@/lib/actions/run-action";
import { getAlertBannerDef, saveAlertRuleDef } from "./action-defs";

export async function saveAlertRuleAction(input: unknown) {
  return runAction(saveAlertRuleDef, input);
}

export async function getAlertBannerAction(input?: unknown) {
  return runAction(getAlertBannerDef, input);
}
