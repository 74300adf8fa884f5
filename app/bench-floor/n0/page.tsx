import { requireBenchFloors } from "../gate";

// Floor N0: the least a dynamic page of this build can do for a page of 50 comments (no database, no session,
// no translations): author, date and a text of about 325 characters each, from memory.
export const dynamic = "force-dynamic";

const SENTENCES = [
  "Critical infrastructure operators need a clear channel to report incidents without fear of penalties.",
  "Routing security and resilient naming are the public core of the Internet in practice.",
  "Vulnerability disclosure should be protected by law so that researchers can work in good faith.",
  "Small firms rarely know where to report cyber-enabled theft of trade secrets.",
  "A minimum period of security updates for connected devices would raise the baseline for everyone.",
  "States should commit not to attack the systems that count and report votes.",
  "Cyber hygiene at small organisations prevents most of the incidents we see.",
];
const NAMES = ["Asha Verma", "Rohan Mehta", "Fatima Sheikh", "Arjun Nair", "Meera Iyer"];

const COMMENTS = Array.from({ length: 50 }, (_, i) => {
  let text = "";
  for (let k = i; text.length < 325; k += 3) text += `${SENTENCES[k % SENTENCES.length]} `;
  return { id: 1000 + i, author: NAMES[i % NAMES.length], at: new Date(Date.UTC(2025, 0, 1 + i, 9, 30)), text: text.trim() };
});

export default function CommentsFloor() {
  requireBenchFloors();
  const format = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" });
  return (
    <main>
      <h1>Comments</h1>
      <ol>
        {COMMENTS.map((c) => (
          <li key={c.id} id={`c${c.id}`}>
            <article>
              <p>
                <strong>{c.author}</strong> <time dateTime={c.at.toISOString()}>{format.format(c.at)}</time>
              </p>
              <p>{c.text}</p>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
