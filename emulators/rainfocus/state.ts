import { randomBytes } from "node:crypto";
import { DEMO_RAINFOCUS } from "../../lib/demo-credentials";

export interface RfCredential {
  clientId: string;
  clientSecret: string;
  orgId: string;
}

export interface RfToken {
  clientId: string;
  orgId: string;
  environment: "dev" | "prod";
  expiresAt: number;
}

export type StoredAttendee = Record<string, string> & { attendeeId: string; email: string; createdAt: string; updatedAt: string };

export interface RfLogEntry {
  id: string;
  at: string;
  apiProfile: string;
  method: string;
  path: string;
  status: number;
  responseCode?: string;
  event?: string;
  message?: string;
}

export class RainfocusState {
  config = { tokenTtlSeconds: 3600 };
  credentials = new Map<string, RfCredential>();
  tokens = new Map<string, RfToken>();
  tokenRequests = 0;
  /** eventCode → owning org id. */
  events = new Map<string, string>();
  /** `${orgId}|${environment}|${event}` → email → attendee: dev and prod are separate stores. */
  attendees = new Map<string, Map<string, StoredAttendee>>();
  logs: RfLogEntry[] = [];
  private seq = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.config = { tokenTtlSeconds: 3600 };
    this.credentials.clear();
    this.tokens.clear();
    this.tokenRequests = 0;
    this.events.clear();
    this.attendees.clear();
    this.logs = [];
    this.credentials.set(DEMO_RAINFOCUS.clientId, { ...DEMO_RAINFOCUS });
    this.events.set(DEMO_RAINFOCUS.eventCode, DEMO_RAINFOCUS.orgId);
  }

  issueToken(cred: RfCredential, environment: RfToken["environment"]): string {
    const token = `rf-${randomBytes(18).toString("base64url")}`;
    this.tokens.set(token, { clientId: cred.clientId, orgId: cred.orgId, environment, expiresAt: Date.now() + this.config.tokenTtlSeconds * 1000 });
    return token;
  }

  tokenInfo(header: string | undefined): RfToken | undefined {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
    const t = m ? this.tokens.get(m[1]!.trim()) : undefined;
    return t && t.expiresAt > Date.now() ? t : undefined;
  }

  store(orgId: string, environment: string, event: string): Map<string, StoredAttendee> {
    const key = `${orgId}|${environment}|${event}`;
    let s = this.attendees.get(key);
    if (!s) this.attendees.set(key, (s = new Map()));
    return s;
  }

  /** RainFocus-looking ids: epoch ms, "001", four letters (e.g. 1619119968857001fvLB). */
  newAttendeeId(): string {
    const letters = randomBytes(4)
      .toString("base64")
      .replace(/[^A-Za-z]/g, "x")
      .slice(0, 4);
    return `${Date.now()}${String(++this.seq % 1000).padStart(3, "0")}${letters}`;
  }

  log(entry: Omit<RfLogEntry, "id" | "at">): void {
    this.logs.push({ ...entry, id: `log-${this.logs.length + 1}`, at: new Date().toISOString() });
    if (this.logs.length > 10_000) this.logs.splice(0, this.logs.length - 10_000);
  }
}
