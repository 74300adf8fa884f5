export interface BarSeries {
  key: string;
  label: string;
  /** Fill with at least 3:1 contrast against white (WCAG 1.4.11). */
  colour: string;
}
import { TableHead } from "@/components/ui/table-head";

export interface BarRow {
  key: string;
  label: string;
  values: Record<string, number>;
}

interface Props {
  id: string;
  title: string;
  note: string;
  groupHeader: string;
  totalHeader: string;
  series: BarSeries[];
  rows: BarRow[];
  formatNumber: (n: number) => string;
}

const LABEL_W = 190;
const BAR_W = 380;
const ROW_H = 30;
const TOP = 8;

/**
 * A server-rendered SVG chart (no chart JavaScript) with the same figures in a table beside it: the table is
 * what assistive technology reads, the chart is a picture of it.
 */
export function StackedBarChart({ id, title, note, groupHeader, totalHeader, series, rows, formatNumber }: Props) {
  const totals = rows.map((r) => series.reduce((s, x) => s + (r.values[x.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const height = TOP + rows.length * ROW_H + 8;
  return (
    <figure aria-labelledby={`${id}-title`} className="mt-4" data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <div className="mt-2 flex flex-wrap items-start gap-6">
        <svg
          viewBox={`0 0 ${LABEL_W + BAR_W + 50} ${height}`}
          className="w-full max-w-xl"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-note`}
        >
          {rows.map((r, i) => {
            let x = LABEL_W;
            const y = TOP + i * ROW_H;
            return (
              <g key={r.key}>
                <text x={LABEL_W - 8} y={y + ROW_H / 2 + 5} textAnchor="end" fontSize="14" fill="#0f172a">
                  {r.label}
                </text>
                {series.map((s) => {
                  const v = r.values[s.key] ?? 0;
                  const w = (v / max) * BAR_W;
                  const rect =
                    v > 0 ? (
                      <rect key={s.key} x={x} y={y + 4} width={w} height={ROW_H - 8} fill={s.colour} stroke="#fff" strokeWidth="1" />
                    ) : null;
                  x += w;
                  return rect;
                })}
                <text x={x + 6} y={y + ROW_H / 2 + 5} fontSize="14" fill="#0f172a">
                  {formatNumber(totals[i] ?? 0)}
                </text>
              </g>
            );
          })}
        </svg>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1">
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={s.colour} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-note`} className="sr-only">
        {note}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="stats-table" data-testid={`table-${id}`}>
          <caption className="sr-only">{title}</caption>
          <TableHead
            columns={[
              { label: groupHeader },
              ...series.map((s) => ({ label: s.label, numeric: true })),
              { label: totalHeader, numeric: true },
            ]}
          />
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} data-group={r.key}>
                <th scope="row">{r.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{formatNumber(r.values[s.key] ?? 0)}</td>
                ))}
                <td className="font-semibold" data-testid="row-total">
                  {formatNumber(totals[i] ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
