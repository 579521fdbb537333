import { z } from "zod";

export const TOKEN_EXPIRY_DAYS = ["7", "30", "90", "365"] as const;
/** Blank or absent: the token never expires. */
export const TokenExpirySchema = z.union([z.literal(""), z.enum(TOKEN_EXPIRY_DAYS)]).optional();

export function tokenExpiresAt(days: z.infer<typeof TokenExpirySchema>, now = Date.now()): Date | null {
  return days ? new Date(now + Number(days) * 86_400_000) : null;
}

export const CreateApiTokenSchema = z.object({ name: z.string().trim().min(1, "Give the token a name.").max(80), expiresInDays: TokenExpirySchema });
export const RevokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(100) });
