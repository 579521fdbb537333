import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-zinc-600 dark:text-zinc-400">Your role does not include this area. Ask an admin if you need it.</p>
      <Link href="/profiles" className="text-brand-600 underline underline-offset-4">
        Back to the console
      </Link>
    </main>
  );
}
