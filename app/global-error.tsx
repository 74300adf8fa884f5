"use client";

import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";

// Last resort when the layout itself fails: no stack trace, both languages, a way back. No inline styles:
// the CSP allows none.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>{en.error.title}</h1>
          <p>{en.error.body}</p>
          <p>
            <a href="/en">{en.error.home}</a>
          </p>
          <div lang="hi">
            <h2>{hi.error.title}</h2>
            <p>{hi.error.body}</p>
            <p>
              <a href="/hi">{hi.error.home}</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
