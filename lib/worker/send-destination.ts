import { redactJson } from "../redact";
import type { RainfocusClient } from "../rainfocus/api-client";
import type { AttendeeInput, RainfocusResult, UpsertedAttendee } from "../rainfocus/types";
import type { PreparedMapping } from "./mapping-for-profile";
import type { TokenBuckets } from "../queue/token-bucket";
import type { DeliveryProfile } from "./profiles";
import { failure, type ClaimedDelivery, type SendOutcome } from "../queue/types";

export interface DestinationDeps {
  rainfocus: RainfocusClient;
  buckets: TokenBuckets;
  /** Attendees per Attendee Store call. */
  chunkSize: number;
}

type Mapped = { d: ClaimedDelivery; attendee: AttendeeInput };

/**
 * AEP → RainFocus for one profile: map each exported profile to attendee fields and upsert them
 * into the event's Attendee Store, several per call. The store validates a call all-or-nothing,
 * so a permanently refused call is retried one attendee at a time to pin the refusal on the
 * attendees that caused it instead of failing their neighbours.
 */
export async function sendDestination(
  deps: DestinationDeps,
  profile: DeliveryProfile,
  mapping: PreparedMapping,
  items: ClaimedDelivery[],
  report: (d: ClaimedDelivery, o: SendOutcome) => Promise<void>,
): Promise<void> {
  const valid: Mapped[] = [];
  for (const d of items) {
    if (!profile.rainfocus) {
      await report(
        d,
        failure({ retryable: false, errorClass: "configuration", error: "The profile has no RainFocus API credentials." }, [{ url: "(rainfocus)" }]),
      );
      continue;
    }
    const r = mapping.map(d.sourcePayload);
    if (!r.ok) {
      await report(d, failure({ retryable: false, errorClass: "mapping", error: r.error, mapped: r.output }, [{ url: "(rainfocus attendee store)" }]));
      continue;
    }
    valid.push({ d, attendee: r.output as AttendeeInput });
  }
  // The attendee-update write style takes one attendee per call (lib/rainfocus/settings.ts).
  const size = profile.rainfocus && deps.rainfocus.settings(profile.rainfocus).writeStyle === "attendee-update" ? 1 : deps.chunkSize;
  for (let i = 0; i < valid.length; i += size) {
    await upsertChunk(deps, profile, valid.slice(i, i + size), report);
  }
}

async function upsertChunk(
  deps: DestinationDeps,
  profile: DeliveryProfile,
  chunk: Mapped[],
  report: (d: ClaimedDelivery, o: SendOutcome) => Promise<void>,
): Promise<void> {
  const creds = profile.rainfocus!;
  await deps.buckets.acquire(`rainfocus:${creds.clientId}`);
  const r: RainfocusResult<UpsertedAttendee[]> = await deps.rainfocus.upsertAttendees(
    creds,
    profile.eventCode,
    chunk.map((m) => m.attendee),
  );
  if (!r.ok && !r.retryable && chunk.length > 1) {
    for (const m of chunk) await upsertChunk(deps, profile, [m], report);
    return;
  }
  await Promise.all(
    chunk.map((m, i) => {
      // A shared batch call shows each delivery its own attendee; a call of one shows what was sent.
      const own = chunk.length > 1 ? { requestBody: { attendees: [redactJson(m.attendee)], batch: { size: chunk.length, index: i } } } : {};
      if (r.ok) {
        const upserted = r.data[i];
        return report(m.d, {
          kind: "delivered",
          statusCode: 200,
          mapped: m.attendee,
          exchanges: [{ exchange: r.exchange, ...own, ...(chunk.length > 1 ? { responseBody: JSON.stringify({ index: i, attendee: upserted }) } : {}) }],
        });
      }
      return report(
        m.d,
        failure(
          {
            retryable: r.retryable,
            errorClass: r.code,
            error: r.message,
            ...(r.status !== undefined ? { statusCode: r.status } : {}),
            ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
            mapped: m.attendee,
          },
          [{ ...(r.exchange ? { exchange: r.exchange } : { url: "(rainfocus attendee store)" }), ...own }],
        ),
      );
    }),
  );
}
