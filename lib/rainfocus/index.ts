export { RainfocusOAuthClient, DEFAULT_TOKEN_PATH, joinUrl, type RainfocusTokenResult } from "./oauth-client";
export { RainfocusClient, ATTENDEE_STORE_PATH, ATTENDEE_LOOKUP_PATH, PROFILE_LOGS_PATH, attendeeUpdatePath } from "./api-client";
export * from "./settings";
export { ATTENDEE_FIELDS } from "./types";
export type * from "./types";
