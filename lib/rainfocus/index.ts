export { RainfocusOAuthClient, DEFAULT_TOKEN_PATH, joinUrl, type RainfocusTokenResult } from "./oauth-client";
export { RainfocusClient, ATTENDEE_STORE_PATH, ATTENDEE_LOOKUP_PATH, PROFILE_LOGS_PATH } from "./api-client";
export { ATTENDEE_FIELDS } from "./types";
export type * from "./types";
