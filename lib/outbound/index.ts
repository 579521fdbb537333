export { createAllowList, createDefaultAllowList, type AllowList, type AllowListOptions, type LookupFn, type ConnectLookup } from "./allow-list";
export { OutboundNotAllowedError, DnsLookupError, isOutboundNotAllowed, type NotAllowedReason } from "./errors";
export { ADOBE_HOSTS, RAINFOCUS_HOSTS, DEFAULT_OUTBOUND_HOSTS, hostMatches } from "./hosts";
export { isLoopbackAddress, isNonPublicAddress } from "./ip-ranges";
