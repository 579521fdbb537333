"use server";
import { runAction } from "@/lib/actions/run-action";
import { exportAuditDef, listAuditDef } from "./action-defs";

export async function listAuditAction(input: unknown) {
  return runAction(listAuditDef, input);
}

export async function exportAuditAction(input: unknown) {
  return runAction(exportAuditDef, input);
}
