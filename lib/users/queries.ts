import "server-only";
import { db } from "@/lib/db";

/** Users as the console shows them: never the password hash. */
export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, lastLoginAt: true, createdAt: true },
  });
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
