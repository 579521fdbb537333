"use server";
import { runAction } from "@/lib/actions/run-action";
import { listAuditDef } from "./action-defs";

export async function listAuditAction(input: unknown) {
  return runAction(listAuditDef, input);
}
