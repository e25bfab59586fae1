import { ident } from "@/lib/sql/quote";
import { arrowBatches } from "@/lib/staging/json-arrow";
import { jsonColumns, namedColumns, sqlFields, type JsonColumn } from "@/lib/staging/json-records";
import { mergeCaseKeys, type CaseKeys } from "@/lib/staging/json-case-keys";
import { spreadNested, type Spread } from "@/lib/staging/json-nested";
import { longChecks, temporalChecks, type TypeCheck } from "@/lib/staging/json-types";
import { castSelect } from "@/lib/staging/parse-options";
import { checkedTypes, columnNames, throughTemporary, type ArrowEngine } from "./arrow-append";

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
  await throughTemporary(engine, loaded, arrowBatches(records, sqlFields(columns)), async () => {
    const names = await columnNames(engine, loaded);
    // A column the user forced a type on keeps its text as written until that cast.
    const types = await checkedTypes(engine, loaded, retypeChecks(names, columns, forced));
    await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS ${castSelect(loaded, names, { ...types, ...forced })}`);
  });
  return { spread: spreading.spread, caseKeys: found.merged };
}

/** Checks for ISO date and time text as DATE and TIMESTAMP, long whole numbers as BIGINT or HUGEINT, in the columns the user left to be found. */
function retypeChecks(names: string[], columns: JsonColumn[], forced: Record<string, string>): TypeCheck[] {
  const found = names.flatMap((name, i) => (name in forced || !columns[i] ? [] : [{ name, type: columns[i].type }]));
  return [
    ...temporalChecks(found.map(({ name, type }) => ({ name, temporal: type.kind === "text" ? type.temporal : undefined }))),
    ...longChecks(found.flatMap(({ name, type }) => (type.kind === "long" ? [{ name, fraction: type.fraction }] : []))),
  ];
}
