"use server";
import { runAction } from "@/lib/actions/run-action";
import { saveAlertRuleDef } from "./action-defs";

export async function saveAlertRuleAction(input: unknown) {
  return runAction(saveAlertRuleDef, input);
}
