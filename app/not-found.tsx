import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";
import "./globals.css";

// Reached only for paths outside any language (the proxy sends the rest to /en or /hi), so both languages show.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body className="p-8 font-sans">
        <main>
          <h1 className="text-2xl font-bold">{en.notFound.title}</h1>
          <p className="mt-2">{en.notFound.body}</p>
          <p className="mt-2">
            <a href="/en" className="text-blue-900 underline">
              {en.notFound.home}
            </a>
          </p>
          <div lang="hi" className="mt-8">
            <h2 className="text-2xl font-bold">{hi.notFound.title}</h2>
            <p className="mt-2">{hi.notFound.body}</p>
            <p className="mt-2">
              <a href="/hi" className="text-blue-900 underline">
                {hi.notFound.home}
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
