import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** True when this account or this IP has failed too often within the window. */
export async function isLoginThrottled(email: string, ip: string): Promise<boolean> {
  const e = env();
  const since = new Date(Date.now() - e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byAccount >= e.LOGIN_MAX_FAILURES_PER_ACCOUNT || byIp >= e.LOGIN_MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
}
