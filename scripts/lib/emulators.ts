import { existsSync } from "node:fs";
import path from "node:path";

export type RunningEmulators = { adobeUrl: string; rainfocusUrl: string; close: () => Promise<void> };

/**
 * Starts the local Adobe and RainFocus emulators in this process unless EMULATORS=off, and points
 * the console's clients at them (loopback is allow-listed only while they run).
 */
export async function startEmulatorsIfEnabled(): Promise<RunningEmulators | null> {
  const flag = (process.env.EMULATORS ?? "on").toLowerCase();
  if (["off", "0", "false", "no"].includes(flag)) {
    process.env.EMULATORS = "off";
    return null;
  }
  if (!existsSync(path.join(process.cwd(), "emulators", "index.ts"))) return null;
  const { startEmulators } = await import("../../emulators/index");
  const running = await startEmulators({
    adobePort: Number(process.env.ADOBE_EMULATOR_PORT || 4010),
    rainfocusPort: Number(process.env.RAINFOCUS_EMULATOR_PORT || 4020),
  });
  process.env.EMULATORS = "on";
  process.env.ADOBE_IMS_URL ||= running.adobeUrl;
  process.env.ADOBE_PLATFORM_URL ||= running.adobeUrl;
  process.env.RAINFOCUS_API_URL ||= running.rainfocusUrl;
  return running;
}
