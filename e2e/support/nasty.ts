/** The corpus of nasty inputs, made on the spot. */
export const NASTY: { name: string; content: string | Buffer }[] = [
  { name: "empty.csv", content: "" },
  { name: "header-only.csv", content: "a,b,c\n" },
  { name: "single-column.csv", content: "name\nAda\nBo\n" },
  { name: "duplicate-headers.csv", content: "a,a,,b\n1,2,3,4\n" },
  { name: "wide.csv", content: [Array.from({ length: 2000 }, (_, i) => `c${i}`).join(","), Array.from({ length: 2000 }, (_, i) => String(i)).join(",")].join("\n") + "\n" },
  { name: "big-field.csv", content: `id,text\n1,"${"x".repeat(5 * 1024 * 1024)}"\n2,short\n` },
  { name: "embedded.csv", content: 'id,text\n1,"line one\nline two, with ""quotes"" and, commas"\n2,plain\n' },
  { name: "mixed-endings.csv", content: "a,b\r\n1,2\n3,4\r\n5,6\n" },
  { name: "latin1-in-utf8.csv", content: Buffer.from([...Buffer.from("id,name\n1,caf"), 0xe9, ...Buffer.from("\n2,plain\n")]) },
  { name: "trailing-delimiters.csv", content: "a,b,\n1,2,\n3,4,\n" },
  { name: "thousands.csv", content: 'amount,eu\n"1,234.50","1.234,50"\n"2,000","0,5"\n' },
  { name: "dates.csv", content: "d\n2024-01-02\n02/01/2024\nJan 3 2024\n" },
];
