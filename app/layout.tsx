import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Stages — a local-first staging area for data",
  description: "Stage, check and promote data files in your browser. Nothing leaves it unless you ask.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
