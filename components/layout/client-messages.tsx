import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type Namespace = keyof Awaited<ReturnType<typeof getMessages>>;

/**
 * What every page's client components may say: confirmations and refusals (the layout's live region), the
 * character counts, and the error page.
 */
const EVERY_PAGE: readonly Namespace[] = ["done", "errors", "form", "error"];

/**
 * The messages sent to the browser, and only those: each section's layout names the namespaces its forms use,
 * so a visitor reading a principle does not download the moderators' vocabulary (the whole catalogue was a
 * quarter of the page's inline data). A nested provider replaces its parent's messages, so every provider
 * includes the ones every page needs.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...EVERY_PAGE, ...namespaces].map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
