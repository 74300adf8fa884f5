/**
 * Stored-XSS payloads for the browser suite (tests/e2e/stored-xss.spec.ts). Every payload that could run calls
 * `__xss(id)` (or `top.__xss(id)` from a frame), which the spec defines and records, so an execution is seen even
 * when it would do nothing visible. The rest (look-alikes, bidirectional controls) must simply stay text.
 */

export type XssCategory =
  "script" | "event handler" | "svg" | "frame" | "link" | "markdown" | "style" | "template" | "breakout" | "unicode";

export interface XssPayload {
  /** The number the payload passes to `__xss`, so a recorded call names the payload that ran. */
  id: number;
  category: XssCategory;
  text: string;
}

/** `<script>top.__xss(23)</script>`, base64-encoded for a data: URL. */
const SCRIPT_23_BASE64 = Buffer.from("<script>top.__xss(23)</script>").toString("base64");

export const XSS_PAYLOADS: XssPayload[] = [
  { id: 1, category: "script", text: "<script>__xss(1)</script>" },
  { id: 2, category: "script", text: "<SCRIPT SRC=data:text/javascript,__xss(2)></SCRIPT>" },
  { id: 3, category: "breakout", text: "</textarea><script>__xss(3)</script>" },
  { id: 4, category: "breakout", text: '"><script>__xss(4)</script>' },
  { id: 5, category: "breakout", text: "'><img src=x onerror=__xss(5)>" },
  { id: 6, category: "breakout", text: "</title></noscript></style><script>__xss(6)</script>" },
  { id: 7, category: "script", text: "<scr<script>ipt>__xss(7)</scr</script>ipt>" },
  { id: 8, category: "event handler", text: '<img src=x onerror="__xss(8)">' },
  { id: 9, category: "event handler", text: "<body onload=__xss(9)>" },
  { id: 10, category: "event handler", text: '<div onmouseover="__xss(10)" style="position:fixed;inset:0">hover me</div>' },
  { id: 11, category: "event handler", text: "<input autofocus onfocus=__xss(11)>" },
  { id: 12, category: "event handler", text: "<details open ontoggle=__xss(12)><summary>open</summary></details>" },
  { id: 13, category: "svg", text: "<svg onload=__xss(13)>" },
  { id: 14, category: "svg", text: "<svg><script>__xss(14)</script></svg>" },
  { id: 15, category: "svg", text: '<svg><a xlink:href="javascript:__xss(15)"><text y="20">svg link</text></a></svg>' },
  { id: 16, category: "svg", text: "<svg><animate onbegin=__xss(16) attributeName=x dur=1s>" },
  { id: 17, category: "svg", text: "<math><mtext><table><mglyph><style><img src=x onerror=__xss(17)>" },
  { id: 18, category: "frame", text: '<iframe srcdoc="<script>top.__xss(18)</script>"></iframe>' },
  { id: 19, category: "frame", text: '<iframe src="javascript:top.__xss(19)"></iframe>' },
  { id: 20, category: "frame", text: '<object data="data:text/html,<script>top.__xss(20)</script>"></object>' },
  { id: 21, category: "link", text: '<a href="javascript:__xss(21)">click</a>' },
  { id: 22, category: "link", text: '<a href="jav&#x09;ascript:__xss(22)">tab in the scheme</a>' },
  { id: 23, category: "link", text: `<a href="data:text/html;base64,${SCRIPT_23_BASE64}">data link</a>` },
  { id: 24, category: "link", text: "javascript:__xss(24)//https://example.org/" },
  { id: 25, category: "markdown", text: "[click me](javascript:__xss(25))" },
  { id: 26, category: "markdown", text: "[data link](data:text/html,<script>top.__xss(26)</script>)" },
  { id: 27, category: "markdown", text: "<javascript:__xss(27)>" },
  { id: 28, category: "markdown", text: "[reference link][evil28]\n[evil28]: javascript:__xss(28)" },
  { id: 29, category: "markdown", text: '![image](x" onerror="__xss(29))' },
  { id: 30, category: "markdown", text: "[mixed case](JaVaScRiPt:__xss(30))" },
  { id: 31, category: "markdown", text: "[entity](&#106;avascript:__xss(31))" },
  { id: 32, category: "style", text: '<div style="background:url(javascript:__xss(32))">styled</div>' },
  { id: 33, category: "style", text: "<style>@import 'javascript:__xss(33)';</style><p style=\"width:expression(__xss(33))\">old IE</p>" },
  { id: 34, category: "template", text: "{{constructor.constructor('__xss(34)')()}}" },
  { id: 35, category: "template", text: "${__xss(35)} #{__xss(35)} <%= __xss(35) %>" },
  { id: 36, category: "breakout", text: '<meta http-equiv="refresh" content="0;url=javascript:__xss(36)">' },
  { id: 37, category: "breakout", text: '<base href="javascript:__xss(37)//">' },
  { id: 38, category: "unicode", text: "Log in at https://pаypal.com/login or http://gov.in.exаmple.org/ (Cyrillic а)" },
  { id: 39, category: "unicode", text: "invoice\u202Egpj.exe and \u2066isolated\u2069 and \u2067rtl isolate" },
  { id: 40, category: "unicode", text: "java\u200Dscript:__xss(40) and <scr\u200Bipt>__xss(40)</scr\u200Bipt>" },
];

/** Sentences to pair with the payloads, so that no two comments of a run look alike (campaign grouping). */
export const DISTINCT_SENTENCES = [
  "Rural cooperatives should receive free security audits every monsoon season.",
  "Universities ought to publish vulnerability disclosure timelines in plain language.",
  "Port authorities need offline backups of their cargo manifests before each upgrade.",
  "District hospitals would benefit from a shared incident hotline staffed around the clock.",
  "Municipal water boards must rotate their SCADA passwords after each contractor leaves.",
  "Railway ticketing kiosks should fail safely when the payment network goes down.",
];

/**
 * The payloads shuffled, then split into `parts` groups, round-robin: every part gets most kinds of trick, and no
 * part of one run has the same mix as a part of an earlier run (on PostgreSQL, a comment that shares most of its
 * trigrams with an earlier one is shown grouped under it, as a campaign).
 */
export function payloadGroups(parts: number): XssPayload[][] {
  const shuffled = XSS_PAYLOADS.map((p) => ({ p, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ p }) => p);
  const groups: XssPayload[][] = Array.from({ length: parts }, () => []);
  shuffled.forEach((p, i) => groups[i % parts]?.push(p));
  return groups;
}

/**
 * A summary part in Markdown built from the tricks a renderer must neutralise: raw HTML, javascript: and data:
 * links (inline, autolink, reference, image), entity and case games. Every paragraph and list item cites the
 * comment, so the summary may be published.
 */
export function markdownSummary(tag: string, cite: number): string {
  const c = `[#${cite}]`;
  return [
    `## Heading ${tag} <script>__xss(201)</script>`,
    `Overview ${tag} with [a js link](javascript:__xss(202)) ${c}.`,
    `- [a data link](data:text/html,<script>top.__xss(203)</script>) item ${c}`,
    `- <img src=x onerror=__xss(204)> raw HTML item ${c}`,
    `- <javascript:__xss(205)> autolink item ${c}`,
    `A [reference link][evil] and ![an image](javascript:__xss(206)) ${c}.`,
    `[evil]: javascript:__xss(207)`,
    `<svg onload=__xss(208)></svg> inline SVG ${c}`,
    `<details open ontoggle=__xss(209)><summary>toggle</summary></details>`,
    `Mixed [case](JaVaScRiPt:__xss(210)), [entity](&#106;avascript:__xss(211)) and [tab](java\tscript:__xss(212)) ${c}.`,
    `Look-alike https://pаypal.com/login and \u202Egnp.exe ${c}.`,
    `<iframe srcdoc="<script>top.__xss(213)</script>"></iframe> a frame ${c}`,
  ].join("\n\n");
}
