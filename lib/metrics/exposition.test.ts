import { describe, expect, it } from "vitest";
import { histogramSamples, renderExposition } from "./exposition";
import { idTimePrefix } from "./id-prefix";

describe("Prometheus exposition", () => {
  it("renders HELP, TYPE and samples with escaped labels", () => {
    const text = renderExposition([
      { name: "x_total", help: "line\nbreak", type: "counter", samples: [{ labels: { a: 'q"uo\\te' }, value: 3 }, { value: Infinity }] },
    ]);
    expect(text).toBe('# HELP x_total line\\nbreak\n# TYPE x_total counter\nx_total{a="q\\"uo\\\\te"} 3\nx_total +Inf\n');
  });

  it("gives a histogram its buckets, +Inf, _sum and _count", () => {
    const samples = histogramSamples([0.1, 1], [2, 5], 6, 7.5);
    const text = renderExposition([{ name: "h", help: "h", type: "histogram", samples }]);
    expect(text).toContain('h_bucket{le="0.1"} 2\nh_bucket{le="1"} 5\nh_bucket{le="+Inf"} 6\nh_sum 7.5\nh_count 6\n');
  });
});

describe("idTimePrefix", () => {
  it("sorts like the ids minted at that time", () => {
    const t = Date.UTC(2026, 10, 23, 12);
    expect(idTimePrefix(t)).toHaveLength(9);
    expect(idTimePrefix(t) < idTimePrefix(t + 1)).toBe(true);
    expect(`c${t.toString(36).padStart(8, "0")}0000abc` >= idTimePrefix(t)).toBe(true);
  });
});
