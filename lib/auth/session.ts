import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "./config";
import { actorFromBearer } from "@/lib/api-tokens/bearer";
import { ForbiddenError, UnauthorizedError } from "./errors";
import { hasRole, type Actor, type Role } from "./roles";

/**
 * The signed-in person, read fresh from the database on every request so that a role change, a
 * disabled account or a password reset (a new session version) takes effect at once, not when the
 * JWT expires.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.disabled) return null;
  if (sessionVersionOf(session) !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
});

/** The session version the JWT was signed in with (0 for sessions older than the field). */
export function sessionVersionOf(session: unknown): number {
  const v = (session as { sessionVersion?: unknown } | null)?.sessionVersion;
  return typeof v === "number" ? v : 0;
}

/**
 * To sign-in, and back to the page asked for afterwards (`next`, which sign-in checks with
 * safeNext): a link to a filtered delivery log opened while signed out lands on that log, not on
 * the console home. The path comes from proxy.ts, which sets it on every page request.
 */
export async function redirectToSignIn(): Promise<never> {
  const path = (await headers()).get("x-relay-path");
  redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
}

/** For pages: redirect to sign-in, or render the 403 page. */
export async function requirePageRole(allowed: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (!hasRole(actor, allowed)) forbidden();
  return actor;
}

/** For actions and routes: throw typed errors the wrappers turn into 401/403 results. */
export function assertRole(actor: Actor | null, allowed: readonly Role[]): Actor {
  if (!actor) throw new UnauthorizedError();
  if (!hasRole(actor, allowed)) throw new ForbiddenError();
  return actor;
}

/** Route handlers accept an API token or a console session. */
export async function getRequestActor(request: Request): Promise<Actor | null> {
  const bearer = request.headers.get("authorization");
  if (bearer) return actorFromBearer(bearer);
  return getActor();
}

export async function currentIp(): Promise<string | null> {
  const { clientIp } = await import("@/lib/request-ip");
  return clientIp(await headers());
}
