import type { ReactNode } from "react";
import { Paragraphs } from "@/components/ui/prose";

type Translate = (key: string) => string;

/**
 * The sections of a page of plain text from the catalogue: `<key>.heading` and `<key>.body` (paragraphs split at
 * blank lines), each with an anchor, and anything extra a section needs after its text.
 */
export function TextSections({
  t,
  keys,
  extra = {},
}: {
  t: Translate;
  keys: readonly string[];
  extra?: Partial<Record<string, ReactNode>>;
}) {
  return (
    <>
      {keys.map((k) => (
        <section key={k} id={k} aria-labelledby={`${k}-heading`} className="mt-8 scroll-mt-4">
          <h2 id={`${k}-heading`} className="text-xl font-bold text-blue-950">
            {t(`${k}.heading`)}
          </h2>
          <Paragraphs text={t(`${k}.body`)} className="mt-2" />
          {extra[k]}
        </section>
      ))}
    </>
  );
}

/** "On this page": links to the sections above, for long pages. */
export function SectionIndex({ t, keys, label }: { t: Translate; keys: readonly string[]; label: string }) {
  return (
    <nav aria-label={label} className="mt-6 rounded border border-slate-300 bg-slate-50 p-4">
      <h2 className="font-semibold">{label}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {keys.map((k) => (
          <li key={k}>
            <a href={`#${k}`} className="text-blue-900 underline underline-offset-4">
              {t(`${k}.heading`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
