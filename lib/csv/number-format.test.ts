import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { literal } from "@/lib/sql/quote";
import { chooseFormat, currencySql, describeNumbers, wholeNumberType, filePreference, fitAggregates, fitFrom, fitsSql, isUnit, ledgerSql, magnitudeSql, mayBeNumber, numberPattern, toNumberStatement, type FormatFit } from "./number-format";

let db: Awaited<ReturnType<typeof freshDuckDb>>;
beforeAll(async () => {
  db = await freshDuckDb();
});

/** What DuckDB's aggregates say of one column of these values. */
async function fit(values: (string | null)[]): Promise<FormatFit> {
  const rows = values.map((v) => `(${v === null ? "NULL" : literal(v)})`).join(", ");
  const [row] = await db.rows(`SELECT ${fitAggregates("v", "c0").join(", ")} FROM (VALUES ${rows}) t(v)`);
  return fitFrom(row!, "c0");
}

describe("numbers written for people", () => {
  it("match a format only as a whole value", () => {
    const comma = new RegExp(`^(?:${numberPattern("comma")})$`);
    const point = new RegExp(`^(?:${numberPattern("point")})$`);
    expect(["1.234,56", "1234,5", "-0,99", "1 234,5", "12.345.678", "+7"].every((v) => comma.test(v))).toBe(true);
    expect(["1,234.56", "1234.5", "-0.99", "1'234.50", "12,345,678"].every((v) => point.test(v))).toBe(true);
    expect(["192.168.1.1", "1.5", "1.23,4", "12,34.5", "1,5.0", "5%%", "1e5", ""].some((v) => comma.test(v))).toBe(false);
    expect(["192.168.1.1", "1,5", "1,23.4", "1.234,56"].some((v) => point.test(v))).toBe(false);
    // A minus may come after the number (SAP), never on both sides.
    expect(["1.234,56-", "3-", "0,5-"].every((v) => comma.test(v))).toBe(true);
    expect(["1,234.56-", "7-"].every((v) => point.test(v))).toBe(true);
    expect(["-3-", "+3-", "3--", "-", "3-4"].some((v) => comma.test(v) || point.test(v))).toBe(false);
    // A zero before other digits is a code's (a ZIP code, an account): 0,5 and 0 are numbers.
    expect(["0,5", "0", "-0,25", "10.000,5"].every((v) => comma.test(v))).toBe(true);
    expect(["0123,5", "01.234,5", "-01,5", "00"].some((v) => comma.test(v))).toBe(false);
    expect(["0123.5", "01,234.5", "007"].some((v) => point.test(v))).toBe(false);
  });

  it("take amounts of money as numbers: a currency on either side, the sign before it, a negative in parentheses", () => {
    const comma = new RegExp(`^(?:${numberPattern("comma")})$`, "u");
    const point = new RegExp(`^(?:${numberPattern("point")})$`, "u");
    expect(["$1,234.56", "-$1,234.56", "$-5", "US$ 12.50", "£0.99", "USD 1,000", "1,000 USD", "(1,234.56)", "($5.00)", "( 7 )", "¥1,200", "₹99", "$(1,234.56)", "$ -", "$-"].every((v) => point.test(v))).toBe(true);
    expect(["1.234,56 €", "-1.234,56\u00a0€", "€ 5", "12,50 zł", "1\u202f234,56 kr", "(1.234,56 €)", "1.234,56- €"].every((v) => comma.test(v))).toBe(true);
    // Two signs, a sign inside parentheses, a currency alone, a word, a percentage, a code with a zero first.
    const not = ["-$-5", "$", "(-5)", "-(5)", "(5", "5)", "5 dollars", "EURO 5", "$5%", "%5", "(5%)", "$05", "$ 1 2", "A5", "#5", "-", "$--", "$(5", "$()"];
    expect(not.filter((v) => point.test(v) || comma.test(v))).toEqual([]);
  });

  it("read amounts of money in DuckDB as in JavaScript, and turn them into numbers", async () => {
    const values = ["$1,234.56", "-$5", "(1,234.56)", "USD 7", "£0.99", "5 dollars", "(-5)", "$05", "EURO 5", "\u22121.5", "\u2212$5", "1\u2212"];
    const [row] = await db.rows(`SELECT ${values.map((v, i) => `${fitsSql("v", "point").replaceAll('"v"', literal(v))} AS f${i}`).join(", ")}`);
    expect(values.map((_, i) => row![`f${i}`])).toEqual(values.map(mayBeNumber));
    await db.run("CREATE TABLE money (id INTEGER, v VARCHAR); INSERT INTO money VALUES (1, '$1,234.56'), (2, '-$5'), (3, '($1,000.50)'), (4, 'NA'), (5, ' $ 0.99 '), (6, ' $(1,234.56)'), (7, ' $-   ')");
    expect(await db.rows(`SELECT count(DISTINCT nullif(${currencySql("v")}, '')) AS n, max(${currencySql("v")}) AS c FROM money`)).toEqual([{ n: 1, c: "$" }]);
    await db.run(toNumberStatement("money", "v", "point", "DOUBLE"));
    expect(await db.rows("SELECT v FROM money ORDER BY id")).toEqual([{ v: 1234.56 }, { v: -5 }, { v: -1000.5 }, { v: null }, { v: 0.99 }, { v: -1234.56 }, { v: 0 }]);
    // A typeset minus (U+2212), as a web page's table writes it.
    await db.run("CREATE TABLE typeset (id INTEGER, v VARCHAR); INSERT INTO typeset VALUES (1, '\u22121.5'), (2, '2.25'), (3, '\u22120.25')");
    expect(await db.rows(`SELECT count(DISTINCT nullif(${currencySql("v")}, '')) AS n FROM typeset`)).toEqual([{ n: 0 }]);
    await db.run(toNumberStatement("typeset", "v", "point", "DOUBLE"));
    expect(await db.rows("SELECT v FROM typeset ORDER BY id")).toEqual([{ v: -1.5 }, { v: 2.25 }, { v: -0.25 }]);
    await db.run("CREATE TABLE euro (id INTEGER, v VARCHAR); INSERT INTO euro VALUES (1, '1.234,56 €'), (2, '(12,50 €)'), (3, '3,5- €'), (4, '€\u00a07')");
    await db.run(toNumberStatement("euro", "v", "comma", "DOUBLE"));
    // A percentage is a hundredth, its decimal point moved (12.34 / 100 would make 0.12340000000000001).
    expect(["12.5%", "-0.75 %", "100%"].every((v) => mayBeNumber(v))).toBe(true);
    await db.run("CREATE TABLE rate (id INTEGER, v VARCHAR); INSERT INTO rate VALUES (1, '12.34%'), (2, '-0.75 %'), (3, '100%'), (4, '--')");
    await db.run(toNumberStatement("rate", "v", "point", "DOUBLE", { percent: true }));
    expect(await db.rows("SELECT v FROM rate ORDER BY id")).toEqual([{ v: 0.1234 }, { v: -0.0075 }, { v: 1 }, { v: null }]);
    expect(await db.rows("SELECT v FROM euro ORDER BY id")).toEqual([{ v: 1234.56 }, { v: -12.5 }, { v: -3.5 }, { v: 7 }]);
  });

  it("read figures shortened for people as thousands, millions and billions, in DuckDB as in JavaScript", async () => {
    expect(["$1.2M", "350K", "2.1B", "1.5k", "$3MM", "€2bn", "-4.5 M", "12"].every((v) => mayBeNumber(v))).toBe(true);
    expect(["M5", "1.2MMM", "0.5Kk", "1.2 mK"].some((v) => mayBeNumber(v))).toBe(false);
    await db.run("CREATE TABLE short (id INTEGER, v VARCHAR); INSERT INTO short VALUES (1, '$1.2M'), (2, '$350K'), (3, '$2.1B'), (4, '$-4.5 MM'), (5, '$12'), (6, 'n/a')");
    expect(await db.rows(`SELECT count(DISTINCT nullif(${currencySql("v")}, '')) AS n, max(${currencySql("v")}) AS c FROM short WHERE id < 6`)).toEqual([{ n: 1, c: "$" }]);
    expect(await db.rows(`SELECT list(${magnitudeSql("v")} ORDER BY id) AS m FROM short WHERE id < 6`)).toEqual([{ m: ["M", "K", "B", "MM", ""] }]);
    await db.run(toNumberStatement("short", "v", "point", "DOUBLE", { magnitude: true }));
    expect(await db.rows("SELECT v FROM short ORDER BY id")).toEqual([{ v: 1_200_000 }, { v: 350_000 }, { v: 2_100_000_000 }, { v: -4_500_000 }, { v: 12 }, { v: null }]);
    expect(describeNumbers({ numbers: { revenue: { format: "point", currency: "$", magnitude: true } } })).toBe(
      "Read as numbers: revenue (written as $1.2M, K, M and B read as thousands, millions and billions).",
    );
  });

  it("read numbers with a unit after them, the unit apart, in DuckDB as in JavaScript", async () => {
    expect(["12 kg", "1.2m", "5 KB", "21,5 °C", "-3.5 °C", "120 km/h", "3.5 GB", "750 ml", "80 m²"].every((v) => mayBeNumber(v))).toBe(true);
    // No unit holds a digit (3 m2 is not 32) or is one capital letter (a seat's 12 A).
    expect(["3 m2", "12 A", "5 kgs of rice", "kg 5", "12 stones"].some((v) => mayBeNumber(v))).toBe(false);
    await db.run("CREATE TABLE measured (id INTEGER, v VARCHAR); INSERT INTO measured VALUES (1, '12 kg'), (2, '15.5 kg'), (3, '-0.25kg'), (4, '7')");
    expect(await db.rows(`SELECT count(DISTINCT nullif(${currencySql("v")}, '')) AS n, max(${currencySql("v")}) AS c FROM measured`)).toEqual([{ n: 1, c: "kg" }]);
    expect(await db.rows(`SELECT bool_and(${fitsSql("v", "point")}) AS fits FROM measured`)).toEqual([{ fits: true }]);
    await db.run(toNumberStatement("measured", "v", "point", "DOUBLE"));
    expect(await db.rows("SELECT v FROM measured ORDER BY id")).toEqual([{ v: 12 }, { v: 15.5 }, { v: -0.25 }, { v: 7 }]);
    expect(isUnit("kg") && isUnit("°C") && !isUnit("$") && !isUnit("EUR")).toBe(true);
    expect(describeNumbers({ numbers: { weight: { format: "comma", unit: "kg" } } })).toBe("Read as numbers: weight (written as 1.234,56 kg).");
  });

  it("read lakhs and crores as India groups them, in DuckDB as in JavaScript", async () => {
    const point = new RegExp(`^(?:${numberPattern("point")})$`, "u");
    expect(["1,23,456.78", "12,34,56,789", "₹1,23,456", "-1,00,000.50", "99,999"].every((v) => point.test(v))).toBe(true);
    expect(["1,2,345", "12,34", "123,45,678", "01,23,456", "1,23,4567"].some((v) => point.test(v))).toBe(false);
    expect(new RegExp(`^(?:${numberPattern("comma")})$`, "u").test("1,23,456")).toBe(false);
    await db.run("CREATE TABLE lakh (id INTEGER, v VARCHAR); INSERT INTO lakh VALUES (1, '1,23,456.78'), (2, '12,34,56,789'), (3, '500')");
    expect(await db.rows(`SELECT bool_and(${fitsSql("v", "point")}) AS f FROM lakh`)).toEqual([{ f: true }]);
    await db.run(toNumberStatement("lakh", "v", "point", "DOUBLE"));
    expect(await db.rows("SELECT v FROM lakh ORDER BY id")).toEqual([{ v: 123456.78 }, { v: 123456789 }, { v: 500 }]);
  });

  it("read a bank statement's amounts marked CR or DR, a debit as a negative", async () => {
    expect(["4.50 DR", "1,245.50 CR", "12.00CR", "$1,200.00 Dr", "0.00 Cr"].every((v) => mayBeNumber(v))).toBe(true);
    expect(["1.234,56 DR", "12,5 CR"].every((v) => mayBeNumber(v))).toBe(true);
    // Not a word ending like it, not lower case (3 cr is a course's credits), not with a sign as well.
    expect(["4.50 DRS", "DR 4.50", "3 cr", "-4.50 DR", "(4.50) CR", "4.50 CR DR"].filter((v) => mayBeNumber(v))).toEqual([]);
    await db.run("CREATE TABLE ledger (id INTEGER, v VARCHAR); INSERT INTO ledger VALUES (1, '4.50 DR'), (2, '1,245.50 CR'), (3, '12.00CR'), (4, '7'), (5, 'NA')");
    expect(await db.rows(`SELECT count(DISTINCT nullif(${currencySql("v")}, '')) AS n FROM ledger`)).toEqual([{ n: 0 }]);
    expect(await db.rows(`SELECT bool_or(${ledgerSql("v")}) AS l FROM ledger`)).toEqual([{ l: true }]);
    await db.run(toNumberStatement("ledger", "v", "point", "DOUBLE"));
    expect(await db.rows("SELECT v FROM ledger ORDER BY id")).toEqual([{ v: -4.5 }, { v: 1245.5 }, { v: 12 }, { v: 7 }, { v: null }]);
    expect(describeNumbers({ numbers: { Amount: { format: "point", ledger: true }, Balance: { format: "point", ledger: true, currency: "$" } } })).toBe(
      "Read as numbers: Amount (written as 1,234.56, marked CR or DR, DR read as negative); Balance (written as 1,234.56, in $, marked CR or DR, DR read as negative).",
    );
  });

  it("a value that may not be a number fits neither format in DuckDB either", async () => {
    const values = ["1.234,56", " 1,234.56 ", "\u00a01 234\u00a0", "7", "\t12,5", "12,5\t", "ask", "1e5", "€5", "5€€", "(-5)", "192.168.1.1", "12 34", "", "  ", "-", "+1.000"];
    const [row] = await db.rows(`SELECT ${values.map((v, i) => `${fitsSql("v", "point").replaceAll('"v"', literal(v))} OR ${fitsSql("v", "comma").replaceAll('"v"', literal(v))} AS f${i}`).join(", ")}`);
    for (const [i, v] of values.entries()) if (!mayBeNumber(v)) expect(row![`f${i}`], JSON.stringify(v)).toBe(false);
    expect(values.filter(mayBeNumber)).toEqual(["1.234,56", " 1,234.56 ", "\u00a01 234\u00a0", "7", "\t12,5", "12,5\t", "€5", "+1.000"]);
    // A missing-value marker may stand among numbers: it fits no format, and counts for none (null).
    expect(["NA", " n/a", "#N/A"].every(mayBeNumber)).toBe(true);
    const [marker] = await db.rows(`SELECT ${fitsSql("v", "comma").replaceAll('"v"', literal("NA"))} AS f`);
    expect(marker!.f).toBeNull();
  });

  it("fit a column only when every value fits and one is more than digits", async () => {
    expect(await fit(["1.234,56-", "99,00", "12.000,00"])).toEqual({ point: false, comma: true, same: false });
    expect(await fit(["1.234,56", "7,50", null, "3"])).toEqual({ point: false, comma: true, same: false });
    expect(await fit(["1,234.56", "7.50"])).toEqual({ point: true, comma: false, same: false });
    expect(await fit(["1,234", "12,000"])).toEqual({ point: true, comma: true, same: false });
    expect(await fit(["1 234", "12 000"])).toEqual({ point: true, comma: true, same: true });
    // An address, a text, and whole numbers DuckDB would have typed itself.
    expect(await fit(["192.168.1.1", "10.0.0.1"])).toMatchObject({ point: false, comma: false });
    expect(await fit(["1,5", "ask"])).toMatchObject({ point: false, comma: false });
    expect(await fit(["1,5", "n/a", "NULL"])).toMatchObject({ point: false, comma: true });
    expect(await fit(["12", "NA"])).toMatchObject({ point: false, comma: false });
    expect(await fit(["12", "7"])).toMatchObject({ point: false, comma: false });
    expect(await fit([null, null])).toMatchObject({ point: false, comma: false });
  });

  it("leave a column that fits both as text unless the file says which", () => {
    const both = { point: true, comma: true, same: false };
    expect(chooseFormat(both, undefined)).toBeNull();
    expect(chooseFormat(both, "comma")).toBe("comma");
    expect(chooseFormat({ point: true, comma: true, same: true }, undefined)).toBe("comma");
    expect(chooseFormat({ point: false, comma: true, same: false }, "point")).toBe("comma");
    expect(chooseFormat({ point: false, comma: false, same: false }, "point")).toBeNull();
    expect(filePreference("point", ["comma"], ";")).toBe("point");
    expect(filePreference(undefined, ["comma", "comma"], ",")).toBe("comma");
    expect(filePreference(undefined, ["comma", "point"], ";")).toBeUndefined();
    expect(filePreference(undefined, [], ";")).toBe("comma");
    expect(filePreference(undefined, [], ",")).toBe("point");
    expect(filePreference(undefined, [], "\t")).toBeUndefined();
  });

  it("turn a column into the numbers its text says, in place", async () => {
    await db.run("CREATE TABLE de (id INTEGER, v VARCHAR); INSERT INTO de VALUES (1, '1.234,56'), (2, '-7,5'), (3, NULL), (4, ' 12 000,1 ')");
    await db.run(toNumberStatement("de", "v", "comma", "DOUBLE"));
    expect(await db.rows("SELECT v FROM de ORDER BY id")).toEqual([{ v: 1234.56 }, { v: -7.5 }, { v: null }, { v: 12000.1 }]);
    // A minus after the number, as SAP writes it.
    await db.run("CREATE TABLE sap (id INTEGER, v VARCHAR); INSERT INTO sap VALUES (1, '1.234,56-'), (2, '99,00'), (3, ' 3- ')");
    await db.run(toNumberStatement("sap", "v", "comma", "DOUBLE"));
    expect(await db.rows("SELECT v FROM sap ORDER BY id")).toEqual([{ v: -1234.56 }, { v: 99 }, { v: -3 }]);
    await db.run("CREATE TABLE us (id INTEGER, v VARCHAR); INSERT INTO us VALUES (1, '1,234'), (2, '12,000,000'), (3, '1''000')");
    await db.run(toNumberStatement("us", "v", "point", "BIGINT"));
    expect(await db.rows("SELECT v, typeof(v) AS t FROM us ORDER BY id")).toEqual([
      { v: 1234, t: "BIGINT" },
      { v: 12000000, t: "BIGINT" },
      { v: 1000, t: "BIGINT" },
    ]);
  });

  it("take the smallest whole type that holds the longest value", () => {
    expect(wholeNumberType(18)).toBe("BIGINT");
    expect(wholeNumberType(26)).toBe("HUGEINT");
    expect(wholeNumberType(39)).toBe("DOUBLE");
  });

  it("say what was read as numbers", () => {
    expect(describeNumbers({})).toBeNull();
    expect(describeNumbers({ numbers: { Betrag: { format: "comma" }, Menge: { format: "comma" }, n: { format: "point" } } })).toBe(
      "Read as numbers: n (written as 1,234.56); Betrag, Menge (written as 1.234,56).",
    );
    expect(describeNumbers({ numberFormat: "comma" })).toBe("Read as numbers: numbers with a decimal comma (1,5).");
    // Plain numbers read as numbers for their missing-value markers alone are said with the markers.
    expect(describeNumbers({ numbers: { score: { format: "point", markers: true }, Betrag: { format: "comma", markers: true } } })).toBe("Read as numbers: Betrag (written as 1.234,56).");
    expect(describeNumbers({ numbers: { price: { format: "point", currency: "$" }, cost: { format: "point", currency: "$", markers: true }, n: { format: "point" }, Preis: { format: "comma", currency: "€" } } })).toBe(
      "Read as numbers: price, cost (written as 1,234.56, in $); n (written as 1,234.56); Preis (written as 1.234,56, in €).",
    );
    expect(describeNumbers({ numbers: { CTR: { format: "point", percent: true }, Quote: { format: "comma", percent: true, markers: true } } })).toBe(
      "Read as numbers: CTR (written as 12.5%, read as 0.125); Quote (written as 12,5 %, read as 0.125).",
    );
  });
});
