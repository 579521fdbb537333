import { z } from "zod";

export const CreateApiTokenSchema = z.object({ name: z.string().trim().min(1, "Give the token a name.").max(80) });
export const RevokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(100) });
