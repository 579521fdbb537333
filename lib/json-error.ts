/**
 * JSON.parse's error in words a person can act on: the message with a line and column instead of
 * a character offset ("Expected ',' or '}' after property value (line 3, column 5)").
 */
export function describeJsonError(text: string, error: unknown): string {
  const msg = error instanceof Error ? error.message : String(error);
  const pos = Number(msg.match(/position (\d+)/)?.[1]);
  if (!Number.isFinite(pos)) return msg;
  const before = text.slice(0, pos).split("\n");
  return `${msg.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "")} (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
}
