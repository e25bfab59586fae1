"use client";

import { startTransition, useEffect, useMemo, useState } from "react";
import type { SourceRef } from "@/lib/engine/api";
import { getEngine } from "@/browser/engine-client";
import { formatCount } from "@/lib/format";
import type { ColumnProfile } from "@/lib/profile/sql";
import { suggestRules } from "@/lib/profile/suggest";
import { ruleMessage } from "@/lib/recipe/rules";
import type { Recipe, Rule } from "@/lib/recipe/schema";
import type { CodeLabel } from "@/lib/staging/staged-file";
import { describeError } from "@/lib/result";
import { useEngineEpoch, useOutOfMemoryRestart } from "../useEngineEpoch";

interface Props {
  staged: SourceRef;
  /** The last run's final rows, once there are any. */
  final: SourceRef | null;
  recipe: Recipe;
  setRecipe: (recipe: Recipe) => void;
  /** A statistical dataset's value labels, by column, and whether its codes are read as codes: rules to suggest. */
  labelled?: { codeLabels?: Record<string, readonly CodeLabel[]>; asCodes?: boolean };
}

/**
 * How many column cards and suggested rules show before "Show all": a 2,000-column file made 100,000
 * nodes of cards and 4,000 suggestions, and every render of them held the main thread for a second.
 */
const CARDS_SHOWN = 60;
const SUGGESTIONS_SHOWN = 12;

/** Column profiles of the staged data (with the rules they suggest) or of the final data. */
export function ProfilePanel({ staged, final, recipe, setRecipe, labelled }: Props) {
  const [profiles, setProfiles] = useState<ColumnProfile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ofFinal, setOfFinal] = useState(false);
  const [allCards, setAllCards] = useState(false);
  const [allSuggestions, setAllSuggestions] = useState(false);
  const showingFinal = ofFinal && final !== null;
  const source = showingFinal ? final : staged;
  const key = JSON.stringify(source);
  const epoch = useEngineEpoch();
  const [attempt, setAttempt] = useState(0);
  const outOfMemoryRestart = useOutOfMemoryRestart(epoch);
  useEffect(() => {
    // Counts first (one scan), then top values and histograms.
    let live = true;
    setProfiles(null);
    setError(null);
    if (outOfMemoryRestart()) {
      setError("The engine ran out of memory and restarted; profiles were not computed again by themselves.");
      return;
    }
    const src = JSON.parse(key) as SourceRef;
    void getEngine()
      .profile(src, "summary")
      .then(async (summary) => {
        if (!live) return;
        if (!summary.ok) return setError(describeError(summary.error));
        // Profiles render as transitions: a wide table's cards are many nodes.
        startTransition(() => setProfiles(summary.value));
        const full = await getEngine().profile(src, "full");
        if (live) full.ok ? startTransition(() => setProfiles(full.value)) : setError(describeError(full.error));
      });
    return () => void (live = false);
  }, [key, epoch, attempt]);

  const suggestions = useMemo(() => {
    if (!profiles || showingFinal) return [];
    const existing = new Set(recipe.rules.map((r) => ruleMessage(r)));
    return suggestRules(profiles, () => crypto.randomUUID().slice(0, 8), labelled).filter((s) => !existing.has(ruleMessage(s.rule)));
  }, [profiles, showingFinal, recipe.rules, labelled]);

  return (
    <section aria-labelledby="profile-heading" className="space-y-2">
      <h3 id="profile-heading" className="text-sm font-semibold">
        Column profiles of the {showingFinal ? "final" : "staged"} data
      </h3>
      <fieldset className="flex gap-3 text-xs">
        <legend className="sr-only">Profile which data</legend>
        {[
          { label: "Staged data", value: false },
          { label: "Final data", value: true },
        ].map((o) => (
          <label key={o.label} className="flex items-center gap-1">
            <input type="radio" name="profile-of" checked={ofFinal === o.value} disabled={o.value && !final} onChange={() => setOfFinal(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-danger">
          {error}
          <button type="button" className="rounded border px-2 py-0.5 text-xs" onClick={() => setAttempt((n) => n + 1)}>
            Profile again
          </button>
        </p>
      )}
      {!profiles && !error && <p className="text-xs">Profiling the columns…</p>}
      {profiles && (
        <ul className="grid gap-2 sm:grid-cols-2 2xl:grid-cols-3">
          {(allCards ? profiles : profiles.slice(0, CARDS_SHOWN)).map((p) => (
            <ProfileCard key={p.name} profile={p} />
          ))}
        </ul>
      )}
      {profiles && profiles.length > CARDS_SHOWN && (
        <ShowAll shown={allCards} toggle={() => setAllCards(!allCards)} what={`${formatCount(profiles.length)} column profiles`} />
      )}
      {suggestions.length > 0 && (
        <SuggestedRules suggestions={suggestions} all={allSuggestions} toggleAll={() => setAllSuggestions(!allSuggestions)} onAdd={(rule) => setRecipe({ ...recipe, rules: [...recipe.rules, rule] })} />
      )}
    </section>
  );
}

function ShowAll({ shown, toggle, what }: { shown: boolean; toggle: () => void; what: string }) {
  return (
    <button type="button" className="rounded border px-2 py-0.5 text-xs focus-visible:outline-2" aria-expanded={shown} onClick={toggle}>
      {shown ? `Show fewer of the ${what}` : `Show all ${what}`}
    </button>
  );
}

/** A histogram for numbers, the most common values for the rest, as plain bars. */
function Bars({ profile }: { profile: ColumnProfile }) {
  if (!profile.histogram && profile.allDistinct) return <p className="mt-1">Nearly every value differs (by an estimate of the distinct values): common values are not listed.</p>;
  const bars = profile.histogram
    ? profile.histogram.map((b) => ({ label: `${Number(b.from.toPrecision(4))} – ${Number(b.to.toPrecision(4))}`, n: b.n }))
    : profile.top.map((t) => ({ label: t.value ?? "(empty)", n: t.n }));
  const most = Math.max(1, ...bars.map((b) => b.n));
  return (
    <table className="mt-1 w-full">
      <caption className="sr-only">{profile.histogram ? `Histogram of ${profile.name}` : `Most common values of ${profile.name}`}</caption>
      <tbody>
        {bars.map((b, i) => (
          <tr key={i}>
            <th scope="row" className="max-w-24 truncate pr-1 text-left font-normal" title={b.label}>
              {b.label}
            </th>
            <td className="w-full">
              <div className="h-2 rounded bg-sky-600" style={{ width: `${(100 * b.n) / most}%` }} />
            </td>
            <td className="pl-1 text-right tabular-nums">{formatCount(b.n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One column's counts, bounds, mean and histogram or common values. */
function ProfileCard({ profile: p }: { profile: ColumnProfile }) {
  return (
    <li aria-label={`Profile of ${p.name}`} className="rounded border border-slate-200 p-2 text-xs dark:border-slate-800">
      <p className="font-semibold">
        {p.name} <span className="font-normal text-muted">{p.type}</span>
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2">
        <dt>Empty</dt>
        <dd>
          {formatCount(p.nulls)} ({p.count ? Math.round((100 * p.nulls) / p.count) : 0}%)
        </dd>
        <dt>Distinct</dt>
        <dd>
          {p.distinctApprox ? "≈ " : ""}
          {formatCount(p.distinct)}
        </dd>
        <dt>Min – max</dt>
        <dd>
          {p.min ?? "—"} – {p.max ?? "—"}
        </dd>
        {p.mean !== null && (
          <>
            <dt>Mean</dt>
            <dd>{Number(p.mean.toPrecision(6))}</dd>
          </>
        )}
      </dl>
      <Bars profile={p} />
    </li>
  );
}

/** Rules the staged data's profiles suggest, each added to the recipe with one button. */
function SuggestedRules({ suggestions, all, toggleAll, onAdd }: { suggestions: ReturnType<typeof suggestRules>; all: boolean; toggleAll: () => void; onAdd: (rule: Rule) => void }) {
  return (
    <div className="space-y-1">
      <h4 className="text-xs font-semibold">Suggested rules</h4>
      <ul className="space-y-1 text-xs">
        {(all ? suggestions : suggestions.slice(0, SUGGESTIONS_SHOWN)).map((s) => (
          // Keyed by what the rule says: its id is new each time the suggestions are worked out.
          <li key={ruleMessage(s.rule)} className="flex flex-wrap items-center gap-2">
            <span>
              {ruleMessage(s.rule)} <span className="text-muted">({s.why})</span>
            </span>
            <button
              type="button"
              className="rounded border px-2 py-0.5 focus-visible:outline-2"
              onClick={() => onAdd(s.rule)}
            >
              Add rule: {ruleMessage(s.rule)}
            </button>
          </li>
        ))}
      </ul>
      {suggestions.length > SUGGESTIONS_SHOWN && (
        <ShowAll shown={all} toggle={toggleAll} what={`${formatCount(suggestions.length)} suggested rules`} />
      )}
    </div>
  );
}
