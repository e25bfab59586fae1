"use client";

import { useState } from "react";
import { formatCount, plural } from "@/lib/format";
import type { TypeFinding } from "@/lib/csv/findings";
import { emptiableValues, sharedEmptiableValues } from "@/lib/csv/type-rule";
import { castToOffer, ruleToOffer, type FindingActions } from "./finding-actions";
import { TypeFindingItem } from "./TypeFindingItem";

const buttonClass = "rounded border px-2 py-0.5 focus-visible:outline-2";
/** Findings listed before the rest are asked for: a file of 1,000 such columns is a page of them each. */
const SHOWN = 10;

const newId = () => crypto.randomUUID().slice(0, 8);

/**
 * The columns read as text for a few values each (TypeFindingItem), with what they share done once for all: words
 * among their numbers read as empty, their rules added, then their columns converted; the first few listed.
 */
export function TypeFindingList({ findings, unit, actions, onEmpty }: { findings: readonly TypeFinding[]; unit: "line" | "record" | "row"; actions?: FindingActions; onEmpty?: (values: string[]) => void }) {
  const [all, setAll] = useState(false);
  const shared = onEmpty ? sharedEmptiableValues(findings) : [];
  const withWords = shared.length ? findings.filter((f) => emptiableValues(f).length > 0).length : 0;
  const rules = actions ? findings.flatMap((f) => ruleToOffer(f, actions, "new") ?? []) : [];
  const casts = actions ? findings.flatMap((f) => castToOffer(f, actions) ?? []) : [];
  const shown = all ? findings : findings.slice(0, SHOWN);
  return (
    <>
      {shared.length > 0 && (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            {shared.map((w) => `“${w}”`).join(", ")} among the values of {plural(withWords, "column")}.
          </span>
          <button type="button" className={buttonClass} onClick={() => onEmpty?.(shared)}>
            Read {shared.map((w) => `“${w}”`).join(", ")} as empty in every column
          </button>
        </p>
      )}
      {actions && (rules.length > 1 || casts.length > 1) && (
        <p className="flex flex-wrap items-center gap-2">
          {rules.length > 1 && (
            <button type="button" className={buttonClass} onClick={() => actions.addRules(rules.map((r) => ({ ...r, id: newId() })))}>
              Add the {formatCount(rules.length)} rules these columns offer
            </button>
          )}
          {casts.length > 1 && (
            <button type="button" className={buttonClass} onClick={() => actions.addSteps(casts)}>
              Convert the {formatCount(casts.length)} columns to their types in the final data
            </button>
          )}
        </p>
      )}
      {shown.map((f) => (
        <TypeFindingItem key={f.column} finding={f} unit={unit} actions={actions} onEmpty={shared.length ? undefined : onEmpty} />
      ))}
      {findings.length > SHOWN && (
        <button type="button" className={buttonClass} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the first ${SHOWN} only` : `Show all ${formatCount(findings.length)} columns`}
        </button>
      )}
    </>
  );
}
