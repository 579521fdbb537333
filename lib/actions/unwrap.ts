import type { ActionResult } from "./define-action";

/** For TanStack Query: a failed action result becomes a thrown error the query shows. */
export async function unwrap<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error);
  return result.data;
}
