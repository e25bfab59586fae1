"use client";

import { formatCount, plural } from "@/lib/format";
import type { TypeFinding } from "@/lib/csv/findings";
import { castStepFor, emptiableValues, typeRuleFor } from "@/lib/csv/type-rule";
import { ruleMessage } from "@/lib/recipe/rules";
import { castToOffer, ruleToOffer, type FindingActions } from "./finding-actions";

const buttonClass = "rounded border px-2 py-0.5 focus-visible:outline-2";

/**
 * A column read as text because a few of its values did not fit the type the rest have, or its dates are written
 * more than one way: where they are
 * (`unit`: a CSV's lines, a JSON file's records, a sheet's rows), the rule that finds them, then the step that converts the rest;
 * or, for words among numbers (TBD), reading them as empty (`onEmpty`: the file read again with them as empty values);
 * or a column of yes and no as words, or of Excel's serial dates, every value of which converts.
 */
export function TypeFindingItem({ finding: f, unit, actions, onEmpty }: { finding: TypeFinding; unit: "line" | "record" | "row"; actions?: FindingActions; onEmpty?: (values: string[]) => void }) {
  const rule = typeRuleFor(f, crypto.randomUUID().slice(0, 8));
  const cast = castStepFor(f);
  const words = onEmpty ? emptiableValues(f) : [];
  // Every value fits (yes and no as words, which DuckDB's sniffer leaves as text): nothing for a rule to find first.
  const whole = f.values.length === 0;
  const offeredRule = actions && rule ? ruleToOffer(f, actions, rule.id) : null;
  const offeredCast = actions ? castToOffer(f, actions) : null;
  return (
    <p className="flex flex-wrap items-center gap-2">
      {whole ? (
        <span>
          Column <strong>{f.column}</strong>:{" "}
          {f.serial
            ? `dates as Excel’s serial day numbers (${formatCount(f.serial.first)} is ${f.serial.day}), read as numbers.`
            : "yes and no written as words (such as Y and N), read as text."}
        </span>
      ) : (
        <span>
          Column <strong>{f.column}</strong>:{" "}
          {Array.isArray(f.format)
            ? `dates written ${f.format.length} ways, ${f.format.map((way, j) => `${formatCount(f.wayCounts?.[j] ?? 0)} as ${way}`).join(", ")}`
            : `${plural(f.values.length, "value")} did not fit ${f.written ? `numbers written as ${f.written}` : f.type}`}{" "}
          ({f.values.slice(0, 3).map((v) => `${unit} ${v.line}: “${v.value}”`).join(", ")}
          {f.values.length > 3 ? ", …" : ""}), so the column was read as text.
          {rule ? ` A rule ${Array.isArray(f.format) ? "reads them all" : "finds them"}: ${ruleMessage(rule)}.` : ""}
        </span>
      )}
      {offeredRule && (
        <button type="button" className={buttonClass} onClick={() => actions?.addRules([offeredRule])}>
          Add rule: {ruleMessage(offeredRule)}
        </button>
      )}
      {rule && !whole && actions?.hasRule(rule) && <span className="text-muted">It is in the recipe’s rules.</span>}
      {offeredCast && (
        <button type="button" className={buttonClass} onClick={() => actions?.addSteps([offeredCast])}>
          Convert {f.column} to {f.type} in the final data
        </button>
      )}
      {cast && actions?.hasStep(cast) && <span className="text-muted">A step converts it to {f.type} in the final data.</span>}
      {words.length > 0 && (
        <button type="button" className={buttonClass} onClick={() => onEmpty?.(words)}>
          Read {words.map((w) => `“${w}”`).join(", ")} as empty in every column
        </button>
      )}
    </p>
  );
}
