import { openApiDocument } from "@/lib/api/openapi";

// Public on purpose: it describes the API and reveals no data.
export function GET() {
  return Response.json(openApiDocument);
}
