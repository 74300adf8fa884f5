/** Plain text with blank-line paragraphs, as stored in the database. Never HTML. */
export function Paragraphs({ text, lang, className }: { text: string; lang?: string; className?: string }) {
  return (
    <div lang={lang} className={className}>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="mb-4 max-w-prose">
            {p}
          </p>
        ))}
    </div>
  );
}
