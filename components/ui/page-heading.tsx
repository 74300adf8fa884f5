export function PageHeading({ children }: { children: React.ReactNode }) {
  return <h1 className="text-3xl font-bold text-blue-950">{children}</h1>;
}
