import { createAdobeEmulator, type AdobeEmulator } from "./adobe/index";
import { createRainfocusEmulator, type RainfocusEmulator } from "./rainfocus/index";

export { DEMO_ADOBE, DEMO_RAINFOCUS, demoStreamingEndpoint, demoRawStreamingEndpoint } from "../lib/demo-credentials";
export { signPush } from "./rainfocus/push-simulator";
export type { FaultRule } from "./kit/faults";
export type { AdobeEmulator, RainfocusEmulator };

export interface StartEmulatorsOptions {
  /** 0 picks a free port; the returned URLs carry the real one. */
  adobePort?: number;
  rainfocusPort?: number;
  host?: string;
  /** Seeds the fault PRNG so probabilistic faults repeat identically. */
  seed?: number;
}

export interface RunningEmulators {
  adobeUrl: string;
  rainfocusUrl: string;
  adobe: AdobeEmulator;
  rainfocus: RainfocusEmulator;
  close(): Promise<void>;
}

/** Starts both emulators in this process (tests, `npm start`, `npm run emulators`). */
export async function startEmulators(options: StartEmulatorsOptions = {}): Promise<RunningEmulators> {
  const host = options.host ?? "127.0.0.1";
  const adobe = createAdobeEmulator(options.seed ?? 1);
  const rainfocus = createRainfocusEmulator(options.seed ?? 1);
  try {
    const [adobeUrl, rainfocusUrl] = await Promise.all([adobe.listen(options.adobePort ?? 4010, host), rainfocus.listen(options.rainfocusPort ?? 4020, host)]);
    return {
      adobeUrl,
      rainfocusUrl,
      adobe,
      rainfocus,
      close: async () => {
        await Promise.all([adobe.close(), rainfocus.close()]);
      },
    };
  } catch (e) {
    await Promise.allSettled([adobe.close(), rainfocus.close()]);
    throw e;
  }
}
