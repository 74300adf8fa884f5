import { z } from "zod";

/** Each stored field is cut to this many characters: enough to read a directive, a path or a short sample. */
export const CSP_FIELD_MAX = 500;
/** A Reporting API delivery may batch many reports; beyond this many in one request the rest are not stored. */
export const CSP_REPORTS_PER_REQUEST = 20;
/** A request body larger than this is refused (413) before it is parsed. */
export const CSP_BODY_MAX_BYTES = 64 * 1024;

/** The media types browsers send CSP reports with: report-uri (and JSON from older ones), and the Reporting API. */
export const CSP_REPORT_TYPES = ["application/csp-report", "application/json", "application/reports+json"] as const;

/**
 * An address without its query and fragment (a reset link's token must not end up in the table), cut to size.
 * Keywords such as "inline" or "eval" pass unchanged.
 */
export function withoutQuery(value: string): string {
  return value.replace(/[?#].*$/s, "").slice(0, CSP_FIELD_MAX);
}

/** A string field as sent, cut to size; a JSON value of another type counts as absent. */
const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" ? v.slice(0, CSP_FIELD_MAX) : ""));
const address = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" ? withoutQuery(v) : ""));

/** report-uri: `{"csp-report": {...}}` with hyphenated names. Unknown members are ignored. */
const legacyReport = z
  .object({
    "csp-report": z.looseObject({
      "document-uri": address,
      "violated-directive": text,
      "effective-directive": text,
      "blocked-uri": address,
      "script-sample": text,
    }),
  })
  .transform(({ "csp-report": r }) => [
    {
      documentUri: r["document-uri"],
      violatedDirective: r["effective-directive"] || r["violated-directive"],
      blockedUri: r["blocked-uri"],
      sample: r["script-sample"],
    },
  ]);

/** One report as stored: the same fields whichever way it came. */
export type CspReportFields = z.output<typeof legacyReport>[number];

/** Reporting API: an array of reports of every type; only "csp-violation" ones are kept. */
const reportingApiReport = z.looseObject({
  type: z.string(),
  body: z.looseObject({ documentURL: address, effectiveDirective: text, blockedURL: address, sample: text }).optional(),
});
const reportingApiBatch = z.array(reportingApiReport).transform((reports): CspReportFields[] =>
  reports.flatMap((r) =>
    r.type === "csp-violation" && r.body
      ? [
          {
            documentUri: r.body.documentURL,
            violatedDirective: r.body.effectiveDirective,
            blockedUri: r.body.blockedURL,
            sample: r.body.sample,
          },
        ]
      : [],
  ),
);

/** The reports in a parsed body of either kind, at most CSP_REPORTS_PER_REQUEST of them; null when it is neither. */
export function parseCspReportBody(body: unknown): CspReportFields[] | null {
  const parsed = z.union([legacyReport, reportingApiBatch]).safeParse(body);
  return parsed.success ? parsed.data.slice(0, CSP_REPORTS_PER_REQUEST) : null;
}
