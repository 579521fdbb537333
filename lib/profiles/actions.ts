"use server";
import { runAction } from "@/lib/actions/run-action";
import * as D from "./action-defs";

export async function createProfileAction(input: unknown) {
  return runAction(D.createProfileDef, input);
}
export async function updateBasicsAction(input: unknown) {
  return runAction(D.updateBasicsDef, input);
}
export async function updateAdobeCredentialsAction(input: unknown) {
  return runAction(D.updateAdobeCredentialsDef, input);
}
export async function updateRainfocusCredentialsAction(input: unknown) {
  return runAction(D.updateRainfocusCredentialsDef, input);
}
export async function updateRainfocusSettingsAction(input: unknown) {
  return runAction(D.updateRainfocusSettingsDef, input);
}
export async function updateEndpointAction(input: unknown) {
  return runAction(D.updateEndpointDef, input);
}
export async function setPushTypesAction(input: unknown) {
  return runAction(D.setPushTypesDef, input);
}
export async function testConnectionAction(input: unknown) {
  return runAction(D.testConnectionDef, input);
}
export async function activateProfileAction(input: unknown) {
  return runAction(D.activateProfileDef, input);
}
export async function pauseProfileAction(input: unknown) {
  return runAction(D.pauseProfileDef, input);
}
export async function rotateInboundSecretAction(input: unknown) {
  return runAction(D.rotateInboundSecretDef, input);
}
export async function deleteProfileAction(input: unknown) {
  return runAction(D.deleteProfileDef, input);
}
export async function createCustomPushTypeAction(input: unknown) {
  return runAction(D.createCustomPushTypeDef, input);
}
export async function listProfilesAction(input: unknown) {
  return runAction(D.listProfilesDef, input);
}
export async function getProfileAction(input: unknown) {
  return runAction(D.getProfileDef, input);
}
export async function setDeliveryModeAction(input: unknown) {
  return runAction(D.setDeliveryModeDef, input);
}
export async function refreshDataflowAction(input: unknown) {
  return runAction(D.refreshDataflowDef, input);
}
export async function rotateInletAction(input: unknown) {
  return runAction(D.rotateInletDef, input);
}
export async function revealInletAction(input: unknown) {
  return runAction(D.revealInletDef, input);
}
export async function exportDataPrepAction(input: unknown) {
  return runAction(D.exportDataPrepDef, input);
}
export async function publishDataPrepAction(input: unknown) {
  return runAction(D.publishDataPrepDef, input);
}
