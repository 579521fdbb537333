import { db } from "@/lib/db";
import { ROLES, type Actor, type Role } from "@/lib/auth/roles";

/** One user per role, created directly in the test database. */
export async function createActors(tag: string): Promise<Record<Role, Actor>> {
  const out = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}-${tag}@example.test`;
    const user = await db.user.create({ data: { email, role, name: `${role} tester` } });
    out[role] = { id: user.id, email, name: user.name, role, via: "session" };
  }
  return out;
}
