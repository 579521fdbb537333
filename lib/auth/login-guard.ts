import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const FIRST_DELAY_MS = 30_000;

export type LoginThrottle = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/**
 * Sign-in throttling by progressive delay per account and address: the first
 * LOGIN_MAX_FAILURES_PER_ACCOUNT failures for an email from one address cost nothing, then each
 * further try must wait 30 s, 1 min, 2 min… after the last failure (at most the window), until a
 * success or the window forgets them. It used to lock the account for everyone after five
 * failures from anywhere, so anyone could keep any account (an admin's included) locked. An address
 * that fails LOGIN_MAX_FAILURES_PER_IP times in the window, across accounts, waits out the window.
 */
export async function loginThrottle(email: string, ip: string, now = Date.now()): Promise<LoginThrottle> {
  const e = env();
  const windowMs = e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  const windowStart = new Date(now - windowMs);
  const [lastSuccess, byIp] = await Promise.all([
    db.loginAttempt.findFirst({
      where: { email, ip, success: true, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: e.LOGIN_MAX_FAILURES_PER_IP,
    }),
  ]);
  if (byIp.length >= e.LOGIN_MAX_FAILURES_PER_IP) {
    return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((byIp[0]!.createdAt.getTime() + windowMs - now) / 1000)) };
  }
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const failures = await db.loginAttempt.findMany({
    where: { email, ip, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: 64,
  });
  const over = failures.length - e.LOGIN_MAX_FAILURES_PER_ACCOUNT;
  if (over < 0) return { throttled: false };
  const delay = Math.min(FIRST_DELAY_MS * 2 ** over, windowMs);
  const wait = failures[0]!.createdAt.getTime() + delay - now;
  return wait > 0 ? { throttled: true, retryAfterSeconds: Math.ceil(wait / 1000) } : { throttled: false };
}

export async function isLoginThrottled(email: string, ip: string, now = Date.now()): Promise<boolean> {
  return (await loginThrottle(email, ip, now)).throttled;
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
}

/** An admin's password reset lifts every delay on the account (the attempts stay in the audit log). */
export async function clearLoginFailures(email: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { email, success: false } });
}
