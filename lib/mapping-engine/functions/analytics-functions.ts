import { isNil, str } from "./coerce-args";
import { capItems } from "./limits";
import { def, type FunctionDef } from "./types";

// functions.md "Analytics functions": Adobe Analytics event strings ("event101=5:123456,scOpen":
// name=value:id) and products strings (products separated by ",", fields by ";":
// category;name;quantity;price;events;eVars, events and eVars separated by "|"). Values stay
// strings, as in the examples (["3.50", null]); a missing field is null.

function eventParts(entry: string): { name: string; value: string | null; id: string | null } {
  const eq = entry.indexOf("=");
  const name = (eq < 0 ? entry : entry.slice(0, eq)).trim();
  if (eq < 0) return { name, value: null, id: null };
  const rest = entry.slice(eq + 1);
  const colon = rest.indexOf(":");
  return { name, value: colon < 0 ? rest : rest.slice(0, colon), id: colon < 0 ? null : rest.slice(colon + 1) };
}

function findEvent(events: string, name: string) {
  for (const e of events.split(",")) {
    const p = eventParts(e);
    if (p.name === name) return p;
  }
  return null;
}

function products(v: unknown, fn: string): string[][] | null {
  if (isNil(v)) return null;
  return capItems(str(v, fn).split(","), fn).map((p) => p.split(";"));
}

const field = (f: string | undefined) => (f === undefined || f.trim() === "" ? null : f);
const productField = (name: string, index: number) => def(1, 1, (v: unknown) => products(v, name)?.map((p) => field(p[index])) ?? null);

/** Per product: the value of the named entry in its "|"-separated events (4) or eVars (5) field. */
const namedPerProduct = (fnName: string, index: number) =>
  def(2, 2, (v: unknown, name: unknown) => {
    const ps = products(v, fnName);
    if (!ps || isNil(name)) return null;
    const wanted = str(name, fnName);
    const out: string[] = [];
    for (const p of ps) {
      for (const e of (p[index] ?? "").split("|")) {
        const parts = eventParts(e);
        if (parts.name === wanted && parts.value !== null) out.push(index === 5 ? e.slice(e.indexOf("=") + 1) : parts.value);
      }
    }
    return out;
  });

export const analyticsFunctions: Record<string, FunctionDef> = {
  aa_get_event_id: def(2, 2, (v: unknown, name: unknown) =>
    isNil(v) || isNil(name) ? null : (findEvent(str(v, "aa_get_event_id"), str(name, "aa_get_event_id"))?.id ?? null),
  ),
  // "If the event value is not specified, 1 is returned."
  aa_get_event_value: def(2, 2, (v: unknown, name: unknown) => {
    if (isNil(v) || isNil(name)) return null;
    const e = findEvent(str(v, "aa_get_event_value"), str(name, "aa_get_event_value"));
    return e ? (e.value === null || e.value === "" ? "1" : e.value) : null;
  }),
  aa_get_product_categories: productField("aa_get_product_categories", 0),
  aa_get_product_names: productField("aa_get_product_names", 1),
  // The function table says aa_get_product_quantity / aa_get_product_price; the release notes say
  // aa_get_product_quantities / aa_get_product_prices. Both names work.
  aa_get_product_quantity: productField("aa_get_product_quantity", 2),
  aa_get_product_quantities: productField("aa_get_product_quantities", 2),
  aa_get_product_price: productField("aa_get_product_price", 3),
  aa_get_product_prices: productField("aa_get_product_prices", 3),
  aa_get_product_event_values: namedPerProduct("aa_get_product_event_values", 4),
  aa_get_product_evars: namedPerProduct("aa_get_product_evars", 5),
};
