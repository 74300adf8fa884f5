export interface Column {
  label: string;
  /** Figures are right-aligned so their digits line up. */
  numeric?: boolean;
}

/** The header row every data table on the site shares. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr className="border-b-2 border-slate-400 text-left align-bottom">
        {columns.map((c, i) => (
          <th key={i} scope="col" className={`px-2 py-2 first:pl-0 last:pr-0 ${c.numeric ? "text-right" : ""}`}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
