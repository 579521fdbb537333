import type { XdmValidationError } from "./types";

// The 400 body DCS returns when sync validation fails (API-CONTRACTS §2), so the emulator and the
// console show exactly what Adobe would.

export interface StreamingValidationBody {
  type: string;
  status: 400;
  title: string;
  report: {
    message: string;
    cause: {
      _streamingValidation: {
        schemaLocation: string;
        pointerToViolation: string;
        causingExceptions: (XdmValidationError & { causingExceptions: [] })[];
        message: string;
      }[];
    };
  };
}

export function toStreamingValidationBody(errors: readonly XdmValidationError[], ids: { inletId?: string; imsOrgId?: string } = {}): StreamingValidationBody {
  return {
    type: "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet",
    status: 400,
    title: "Invalid XDM Message Format",
    report: {
      message: `inletId: [${ids.inletId ?? ""}] imsOrgId: [${ids.imsOrgId ?? ""}] Message is invalid`,
      cause: {
        _streamingValidation: [
          {
            schemaLocation: "#",
            pointerToViolation: "#",
            causingExceptions: errors.map((e) => ({
              schemaLocation: e.schemaLocation,
              pointerToViolation: e.pointerToViolation,
              causingExceptions: [] as [],
              keyword: e.keyword,
              message: e.message,
            })),
            message: `${errors.length} schema violations found`,
          },
        ],
      },
    },
  };
}
