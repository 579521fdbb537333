import type { Metadata } from "next";
import { cookies } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Relay console", template: "%s · Relay console" },
  description: "RainFocus ⇄ Adobe Experience Platform integration console",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = (await cookies()).get("theme")?.value;
  const themeClass = theme === "dark" || theme === "light" ? theme : undefined;
  return (
    <html lang="en" className={themeClass}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
