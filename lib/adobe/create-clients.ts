import { ImsClient } from "./ims-client";
import { PlatformClient } from "./platform-client";
import { StreamingClient } from "./streaming-client";
import type { BatchResult, StreamingResult } from "./streaming-types";
import type { AdobeClientConfig, AdobeCredentials } from "./types";
import { withTokenRefresh, type WithTokenResult } from "./with-token-refresh";

export interface AdobeClients {
  ims: ImsClient;
  streaming: StreamingClient;
  platform(credentials: AdobeCredentials): PlatformClient;
  /** Single message to an authenticated inlet: token from the cache, one refresh on 401/403. */
  sendAuthenticated(
    credentials: AdobeCredentials,
    input: Omit<Parameters<StreamingClient["sendSingle"]>[0], "token">,
  ): Promise<WithTokenResult<StreamingResult>>;
  /** Same for /collection/batch. */
  sendBatchAuthenticated(
    credentials: AdobeCredentials,
    input: Omit<Parameters<StreamingClient["sendBatch"]>[0], "token">,
  ): Promise<WithTokenResult<BatchResult>>;
}

/** Wires the three clients around one token cache; build once per process and share. */
export function createAdobeClients(config: AdobeClientConfig): AdobeClients {
  const ims = new ImsClient(config);
  const streaming = new StreamingClient({ allowList: config.allowList, timeoutMs: config.timeoutMs });
  return {
    ims,
    streaming,
    platform: (credentials) => new PlatformClient(config, ims, credentials),
    sendAuthenticated: (credentials, input) =>
      withTokenRefresh(
        ims,
        credentials,
        (token) => streaming.sendSingle({ ...input, token, orgId: input.orgId ?? credentials.orgId }),
        (r) => r.status === "permanent" && r.tokenRejected === true,
      ),
    sendBatchAuthenticated: (credentials, input) =>
      withTokenRefresh(
        ims,
        credentials,
        (token) => streaming.sendBatch({ ...input, token, orgId: input.orgId ?? credentials.orgId }),
        (r) => r.status === "permanent" && r.tokenRejected === true,
      ),
  };
}
