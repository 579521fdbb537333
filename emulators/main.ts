import { DEMO_ADOBE, DEMO_RAINFOCUS, demoStreamingEndpoint, startEmulators } from "./index";

// `npm run emulators`: both emulators in the foreground, ports from the environment.
// No top-level await: the package is CommonJS, so tsx would refuse it.
async function main(): Promise<void> {
  const t0 = performance.now();
  const running = await startEmulators({
    adobePort: Number(process.env.ADOBE_EMULATOR_PORT || 4010),
    rainfocusPort: Number(process.env.RAINFOCUS_EMULATOR_PORT || 4020),
    host: process.env.EMULATOR_HOST || "127.0.0.1",
    seed: process.env.EMULATOR_SEED ? Number(process.env.EMULATOR_SEED) : undefined,
  });
  const ms = Math.round(performance.now() - t0);

  console.log(`Adobe emulator      ${running.adobeUrl}   (IMS, platform gateway, DCS inlets)`);
  console.log(`RainFocus emulator  ${running.rainfocusUrl}   (OAuth, Attendee Store, API-profile logs, push)`);
  console.log(`  demo Adobe client id ${DEMO_ADOBE.clientId}, org ${DEMO_ADOBE.orgId}`);
  console.log(`  demo streaming endpoint ${demoStreamingEndpoint(running.adobeUrl)}  flow ${DEMO_ADOBE.flowId}`);
  console.log(`  demo RainFocus client id ${DEMO_RAINFOCUS.clientId}, org ${DEMO_RAINFOCUS.orgId}, event ${DEMO_RAINFOCUS.eventCode}`);
  console.log(`  control API: /_emulator/* on both (see emulators/README.md); started in ${ms} ms`);

  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`Emulators failed to start: ${(e as Error).message}`);
  process.exit(1);
});
