import { z } from "zod";
import { TokenExpirySchema } from "@/lib/api-tokens/schemas";

/** The account page's password form and changeOwnPasswordAction parse with this one schema. */
export const ChangeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: z.string().min(12, "At least 12 characters.").max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Does not match the new password." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
export type ChangeOwnPassword = z.input<typeof ChangeOwnPasswordSchema>;

/** Same optional expiry as Settings → API tokens (7/30/90/365 days; blank: never). */
export const CreateOwnTokenSchema = z.object({ name: z.string().trim().min(1, "Name the token (what uses it).").max(100), expiresInDays: TokenExpirySchema });
export const RevokeOwnTokenSchema = z.object({ tokenId: z.string().min(1).max(100) });
