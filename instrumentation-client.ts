import { config } from "zod/v4/core";
import { installReadableZodMessages } from "./lib/zod-messages";

// Runs in the browser before any of the app's modules (Next.js loads it ahead of hydration), so
// before any zod schema is built. Zod 4 decides per object schema, when the schema is built, whether
// to compile a fast parser with new Function, probing for it with new Function(""); under the pages'
// CSP (proxy.ts: no 'unsafe-eval') that probe is blocked and reported as a securitypolicyviolation
// even though zod catches it. jitless skips the probe and the compiled parsers; parsing results are
// the same. `config` from zod/v4/core (the module holding the setting zod reads) keeps this tiny.
config({ jitless: true });
// The forms validate with the same schemas as the server: the same plain-words messages here.
installReadableZodMessages();
