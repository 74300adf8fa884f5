/** A text and, when it is not in the page's language, the language it is in (for its lang attribute). */
export interface LangText {
  text: string;
  lang?: string;
}

/** One search result as the page shows it: every string already in the reader's language. */
export interface SearchResultView {
  key: string;
  /** A path in the current language ("/comments/12"); none for a result that has no page of its own. */
  href?: string;
  title: LangText;
  /** Where it belongs: the consultation, and the section where there is one. */
  context?: LangText[];
  meta?: string;
  excerpt?: LangText;
}

export interface SearchGroupView {
  group: "reference" | "principles" | "comments" | "summaries" | "organisations";
  heading: string;
  results: SearchResultView[];
  /** The link to the next results of this group, when there are more. */
  more?: { href: string; label: string };
}
