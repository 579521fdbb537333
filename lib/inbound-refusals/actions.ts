"use server";
import { runAction } from "@/lib/actions/run-action";
import { listRefusalsDef } from "./action-defs";

export async function listRefusalsAction(input: unknown) {
  return runAction(listRefusalsDef, input);
}
