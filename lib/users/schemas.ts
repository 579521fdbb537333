import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const RoleSchema = z.enum(ROLES);

export const CreateUserSchema = z.object({
  email: z
    .email("Enter a valid email address.")
    .max(320)
    .transform((s) => s.trim().toLowerCase()),
  name: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((s) => s || null),
  role: RoleSchema,
  // Blank: a password is generated and shown once to the admin to hand over.
  password: z.union([z.literal(""), z.string().min(12, "At least 12 characters.").max(200)]).optional(),
});
export type CreateUser = z.input<typeof CreateUserSchema>;

export const ChangeRoleSchema = z.object({ userId: z.string().min(1).max(100), role: RoleSchema });
export const SetDisabledSchema = z.object({ userId: z.string().min(1).max(100), disabled: z.boolean() });
export const ResetPasswordSchema = z.object({ userId: z.string().min(1).max(100) });
