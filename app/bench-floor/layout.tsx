import type { ReactNode } from "react";

// Benchmark floors only (tests/bench): a bare document, none of the site's layout, fonts, styles or session.
export default function BenchFloorLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
