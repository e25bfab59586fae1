/** Quote an identifier for DuckDB: "a""b". */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal for DuckDB: 'it''s'. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
