import { Suspense } from "react";
import { getActor, redirectToSignIn } from "@/lib/auth/session";
import { Sidebar } from "@/components/shell/sidebar";
import { Providers } from "@/components/providers";
import { AlertBanner } from "@/components/shell/alert-banner";

// The layout only decides whether to show the shell; every page and action checks its role itself.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  return (
    <Providers>
      <div className="md:flex">
        <Sidebar actor={{ email: actor.email, name: actor.name, role: actor.role }} />
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
          <div className="mx-auto max-w-6xl">
            {/* Evaluating alerts must never hold up the page: the banner streams in when ready. */}
            <Suspense fallback={null}>
              <AlertBanner />
            </Suspense>
            {children}
          </div>
        </main>
      </div>
    </Providers>
  );
}
