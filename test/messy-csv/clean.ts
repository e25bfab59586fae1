/**
 * Two clean CSV tables to pollute: one like a small order export (a day-first
 * date, a time, a quantity, a product id, a price, free text with commas and
 * quotes, a URL) and one wide table of 30 mixed columns. Deterministic.
 */
export interface CleanTable {
  name: string;
  header: string[];
  rows: string[][];
}

export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ["red", "blue", "fast", "box", "lamp", "chair", "green", "cable", "desk", "small", "large", "pack"];

export function orders(): CleanTable {
  const r = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows = Array.from({ length: 85 }, (_, i) => {
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const text = i % 9 === 0 ? `said "${pick(WORDS)}", then left` : `${pick(WORDS)}, ${pick(WORDS)} and ${pick(WORDS)}`;
    return [
      String(1000 + i),
      `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2018`,
      `${String(8 + Math.floor(r() * 10)).padStart(2, "0")}:${String(Math.floor(r() * 60)).padStart(2, "0")}`,
      String(1 + Math.floor(r() * 40)),
      `${1 + Math.floor(r() * 9)}${pick(["RI", "QX", "LM", "TT"])}-${1000 + Math.floor(r() * 9000)}`,
      `$${(1 + r() * 90).toFixed(2)}`,
      text,
      `https://shop.example/p/${i}`,
      pick(["Ann Lee", "Bo Chen", "Cy Diaz", "Di Evans"]),
    ];
  });
  return { name: "orders", header: ["order_id", "date", "time", "quantity", "product_id", "price", "note", "url", "customer"], rows };
}

export function wide(): CleanTable {
  const r = random(11);
  const kinds = ["int", "dec", "text", "date", "bool", "code"] as const;
  const header = Array.from({ length: 30 }, (_, c) => `${kinds[c % kinds.length]}_${c}`);
  const rows = Array.from({ length: 60 }, () =>
    header.map((_, c) => {
      switch (kinds[c % kinds.length]) {
        case "int": return String(Math.floor(r() * 100_000));
        case "dec": return (r() * 1000).toFixed(3);
        case "text": return `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`;
        case "date": return `2024-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
        case "bool": return r() < 0.5 ? "true" : "false";
        default: return `${["AB", "CD", "EF"][Math.floor(r() * 3)]}${Math.floor(r() * 90) + 10}`;
      }
    }),
  );
  return { name: "wide", header, rows };
}

/** A field as a CSV writer writes it: quoted when it holds the delimiter, a quote or a line end. */
export const field = (v: string, delimiter = ",", escape = '"') =>
  v.includes(delimiter) || v.includes('"') || v.includes("\n") ? `"${v.replaceAll('"', `${escape}"`)}"` : v;

export const line = (values: readonly string[], delimiter = ",", escape = '"') => values.map((v) => field(v, delimiter, escape)).join(delimiter);
