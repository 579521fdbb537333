// Small helpers the benchmarks share. Each benchmark prints ONE JSON object on stdout; progress
// goes to stderr through its logger.

/** A logger that prefixes each line with the benchmark's name, on stderr. */
export const benchLog = (name: string) => (msg: string) => void process.stderr.write(`[${name}] ${msg}\n`);

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The middle value (the upper middle of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
