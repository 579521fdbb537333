// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { enableLinearRegexFallback } = await import("./lib/runtime/regex-safety");
    enableLinearRegexFallback();
  }
}
