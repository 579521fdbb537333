"use server";
import { runAction } from "@/lib/actions/run-action";
import * as D from "./action-defs";

export async function listDeliveriesAction(input: unknown) {
  return runAction(D.listDeliveriesDef, input);
}
export async function unmaskDeliveriesAction(input: unknown) {
  return runAction(D.unmaskDeliveriesDef, input);
}
export async function getDeliveryAction(input: unknown) {
  return runAction(D.getDeliveryDef, input);
}
export async function replayPreviewAction(input: unknown) {
  return runAction(D.replayPreviewDef, input);
}
export async function replayDeliveryAction(input: unknown) {
  return runAction(D.replayDeliveryDef, input);
}
export async function bulkReplayAction(input: unknown) {
  return runAction(D.bulkReplayDef, input);
}
export async function sendTestEventAction(input: unknown) {
  return runAction(D.sendTestEventDef, input);
}
export async function testEventSampleAction(input: unknown) {
  return runAction(D.testEventSampleDef, input);
}
export async function listMyTestSendsAction(input: unknown) {
  return runAction(D.listMyTestSendsDef, input);
}
