import { Link } from "@/lib/i18n/navigation";
import { highlight } from "./excerpt";
import type { LangText, SearchGroupView } from "./view-types";

/** Plain text with the query's words inside <mark>: built by React from text, never from markup. */
function Marked({ value, terms }: { value: LangText; terms: string[] }) {
  return (
    <span lang={value.lang}>
      {highlight(value.text, terms).map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </span>
  );
}

export function SearchGroup({ view, terms }: { view: SearchGroupView; terms: string[] }) {
  const headingId = `results-${view.group}`;
  return (
    <section aria-labelledby={headingId} className="mt-8" data-testid={`search-group-${view.group}`}>
      <h2 id={headingId} className="text-2xl font-bold text-blue-950">
        {view.heading}
      </h2>
      <ol className="mt-3 space-y-4">
        {view.results.map((r) => (
          <li key={r.key} className="rounded border border-slate-300 p-4" data-testid="search-result">
            <h3 className="text-lg font-semibold">
              {r.href ? (
                <Link href={r.href} className="text-blue-900 underline underline-offset-4">
                  <span lang={r.title.lang}>{r.title.text}</span>
                </Link>
              ) : (
                <span lang={r.title.lang}>{r.title.text}</span>
              )}
            </h3>
            {r.context?.length ? (
              <p className="text-sm text-slate-800">
                {r.context.map((c, i) => (
                  <span key={i}>
                    {i > 0 ? " · " : null}
                    <span lang={c.lang}>{c.text}</span>
                  </span>
                ))}
              </p>
            ) : null}
            {r.meta ? <p className="text-sm text-slate-700">{r.meta}</p> : null}
            {r.excerpt ? (
              <p className="mt-2 break-words">
                <Marked value={r.excerpt} terms={terms} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {view.more ? (
        <p className="mt-3">
          <Link href={view.more.href} className="inline-flex min-h-11 items-center font-medium text-blue-900 underline underline-offset-4">
            {view.more.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
