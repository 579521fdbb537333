import "server-only";
import { sealKeys } from "@/lib/integrations/config";
import { seal, unseal } from "./seal";

// The web server's sealing, with the keys lib/integrations parses for web and worker alike.

export function sealSecret(plaintext: string): string {
  return seal(plaintext, sealKeys()[0]);
}

export function openSecret(sealed: string | null | undefined): string | null {
  return sealed ? unseal(sealed, sealKeys()) : null;
}
