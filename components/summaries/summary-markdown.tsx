import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * A summary part: Markdown rendered by react-markdown (React elements, never raw HTML: HTML in the source is
 * dropped) and sanitised by rehype-sanitize. Citations [#123] become links to the comment's permalink.
 */
export function SummaryMarkdown({ text, locale }: { text: string; locale: string }) {
  const linked = text.replace(/\[#(\d{1,10})\]/g, (_m, id: string) => `[#${id}](/${locale}/comments/${id})`);
  return (
    <div className="summary-markdown space-y-3 [&_a]:text-blue-900 [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown rehypePlugins={[rehypeSanitize]}>{linked}</ReactMarkdown>
    </div>
  );
}
