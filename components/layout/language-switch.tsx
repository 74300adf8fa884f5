"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

interface Props {
  to: Locale;
  label: string;
}

const className = "inline-flex min-h-11 items-center rounded px-3 font-medium text-blue-900 underline underline-offset-4 hover:bg-blue-50";

/** A plain link to the same page in the other language: works without JavaScript and keeps the query. */
export function LanguageSwitch({ to, label }: Props) {
  return (
    <Suspense fallback={<SwitchLink to={to} label={label} search="" />}>
      <WithSearch to={to} label={label} />
    </Suspense>
  );
}

function WithSearch({ to, label }: Props) {
  const search = useSearchParams().toString();
  return <SwitchLink to={to} label={label} search={search} />;
}

function SwitchLink({ to, label, search }: Props & { search: string }) {
  const pathname = usePathname();
  return (
    <Link href={search ? `${pathname}?${search}` : pathname} locale={to} hrefLang={to} lang={to} className={className}>
      {label}
    </Link>
  );
}
