import "server-only";
import { changeUserRole, createUser, listUsersDef, resetUserPassword, setUserDisabled } from "@/lib/users/action-defs";
import { createApiToken, listAllApiTokensDef, listApiTokensDef, revokeApiToken } from "@/lib/api-tokens/action-defs";
import { exportAuditDef, listAuditDef } from "@/lib/audit/action-defs";
import * as P from "@/lib/profiles/action-defs";
import * as M from "@/lib/mappings/action-defs";
import * as DL from "@/lib/deliveries/action-defs";
import { getDashboardDef } from "@/lib/dashboard/action-defs";
import { getAlertBannerDef, saveAlertRuleDef } from "@/lib/alerts/action-defs";
import { listRefusalsDef } from "@/lib/inbound-refusals/action-defs";
import * as ACC from "@/lib/account/action-defs";

/**
 * Every server action, by the name of its "use server" export. The role-matrix test walks this
 * table and also fails when a "use server" export is missing from it, so a new action cannot ship
 * without its refusal being tested. Public actions (sign-in, sign-out) are listed in PUBLIC_ACTIONS.
 */
export const ACTIONS = {
  createUserAction: createUser,
  changeUserRoleAction: changeUserRole,
  setUserDisabledAction: setUserDisabled,
  resetUserPasswordAction: resetUserPassword,
  listUsersAction: listUsersDef,
  createApiTokenAction: createApiToken,
  revokeApiTokenAction: revokeApiToken,
  listApiTokensAction: listApiTokensDef,
  listAllApiTokensAction: listAllApiTokensDef,
  listAuditAction: listAuditDef,
  exportAuditAction: exportAuditDef,
  createProfileAction: P.createProfileDef,
  updateBasicsAction: P.updateBasicsDef,
  updateAdobeCredentialsAction: P.updateAdobeCredentialsDef,
  updateRainfocusCredentialsAction: P.updateRainfocusCredentialsDef,
  updateRainfocusSettingsAction: P.updateRainfocusSettingsDef,
  updateEndpointAction: P.updateEndpointDef,
  setDeliveryModeAction: P.setDeliveryModeDef,
  refreshDataflowAction: P.refreshDataflowDef,
  setPushTypesAction: P.setPushTypesDef,
  testConnectionAction: P.testConnectionDef,
  activateProfileAction: P.activateProfileDef,
  pauseProfileAction: P.pauseProfileDef,
  rotateInboundSecretAction: P.rotateInboundSecretDef,
  rotateInletAction: P.rotateInletDef,
  revealInletAction: P.revealInletDef,
  exportDataPrepAction: P.exportDataPrepDef,
  publishDataPrepAction: P.publishDataPrepDef,
  deleteProfileAction: P.deleteProfileDef,
  createCustomPushTypeAction: P.createCustomPushTypeDef,
  listProfilesAction: P.listProfilesDef,
  getProfileAction: P.getProfileDef,
  getMappingAction: M.getMappingDef,
  saveMappingDraftAction: M.saveMappingDraftDef,
  publishMappingAction: M.publishMappingDef,
  getMappingVersionAction: M.getMappingVersionDef,
  restoreMappingVersionAction: M.restoreMappingVersionDef,
  validateMappingOutputAction: M.validateMappingOutputDef,
  listDeliveriesAction: DL.listDeliveriesDef,
  unmaskDeliveriesAction: DL.unmaskDeliveriesDef,
  getDeliveryAction: DL.getDeliveryDef,
  replayPreviewAction: DL.replayPreviewDef,
  replayDeliveryAction: DL.replayDeliveryDef,
  bulkReplayAction: DL.bulkReplayDef,
  sendTestEventAction: DL.sendTestEventDef,
  testEventSampleAction: DL.testEventSampleDef,
  listMyTestSendsAction: DL.listMyTestSendsDef,
  getDashboardAction: getDashboardDef,
  saveAlertRuleAction: saveAlertRuleDef,
  getAlertBannerAction: getAlertBannerDef,
  listRefusalsAction: listRefusalsDef,
  changeOwnPasswordAction: ACC.changeOwnPasswordDef,
  listOwnTokensAction: ACC.listOwnTokensDef,
  createOwnTokenAction: ACC.createOwnTokenDef,
  revokeOwnTokenAction: ACC.revokeOwnTokenDef,
} as const;

export const PUBLIC_ACTIONS = ["loginAction", "ssoLoginAction", "signOutAction"] as const;
