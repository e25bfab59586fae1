import { ident } from "@/lib/sql/quote";
import { arrowBatches } from "@/lib/staging/json-arrow";
import { jsonColumns, namedColumns, sqlFields, type JsonColumn } from "@/lib/staging/json-records";
import { mergeCaseKeys, type CaseKeys } from "@/lib/staging/json-case-keys";
import { spreadNested, type Spread } from "@/lib/staging/json-nested";
import { checksSql, foundTypes, longChecks, temporalChecks } from "@/lib/staging/json-types";
import { castSelect } from "@/lib/staging/parse-options";
import { appendToTemporary, type ArrowEngine } from "./arrow-append";

/**
 * Records into `table`: every column's type is known from all records before
 * they are loaded, as Arrow (lib/staging/json-records.ts, json-arrow.ts), then
 * ISO dates become DATE or TIMESTAMP where every value fits, and the types
 * the user forced are applied. Columns keep the file's order; keys that differ
 * only in case and never meet in a record are one column (json-case-keys.ts).
 * With `spread`, objects are spread into a column per field (json-nested.ts).
 * What was merged and spread.
 */
export async function loadJson(
  engine: ArrowEngine,
  records: Record<string, unknown>[],
  table: string,
  forced: Record<string, string>,
  spread = false,
): Promise<{ spread: Spread[]; caseKeys: CaseKeys[] }> {
  const found = mergeCaseKeys(records, jsonColumns(records));
  const spreading = spread ? spreadNested(found.columns) : { columns: found.columns, spread: [] };
  const columns = namedColumns(spreading.columns);
  const loaded = `${table}_json`;
  try {
    await appendToTemporary(engine, loaded, arrowBatches(records, sqlFields(columns)));
    // DuckDB names the columns as given, in that order (making names that differ only in case unique).
    const names = (await engine.rows(`DESCRIBE ${ident(loaded)}`)).map((r) => String(r.column_name));
    // A column the user forced a type on keeps its text as written until that cast.
    const types = await retypes(engine, loaded, names, columns, forced);
    await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS ${castSelect(loaded, names, { ...types, ...forced })}`);
    return { spread: spreading.spread, caseKeys: found.merged };
  } finally {
    // The records in memory go, read or not (a type the user forced that does not fit fails the cast).
    await engine.rows(`DROP TABLE IF EXISTS ${ident(loaded)}`);
  }
}

/** ISO date and time text as DATE and TIMESTAMP, long whole numbers as BIGINT or HUGEINT, where every value fits, in the columns the user left to be found. */
async function retypes(engine: ArrowEngine, loaded: string, names: string[], columns: JsonColumn[], forced: Record<string, string>): Promise<Record<string, string>> {
  const found = names.flatMap((name, i) => (name in forced || !columns[i] ? [] : [{ name, type: columns[i].type }]));
  const checks = [
    ...temporalChecks(found.map(({ name, type }) => ({ name, temporal: type.kind === "text" ? type.temporal : undefined }))),
    ...longChecks(found.flatMap(({ name, type }) => (type.kind === "long" ? [{ name, fraction: type.fraction }] : []))),
  ];
  if (!checks.length) return {};
  const [fits = {}] = await engine.rows(checksSql(loaded, checks));
  return foundTypes(checks, fits);
}
