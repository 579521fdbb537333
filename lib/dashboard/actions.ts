"use server";
import { runAction } from "@/lib/actions/run-action";
import { getDashboardDef } from "./action-defs";

export async function getDashboardAction(input: unknown) {
  return runAction(getDashboardDef, input);
}
