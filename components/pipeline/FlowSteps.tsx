"use client";

import { Inbox, ListChecks, PackageCheck, ShieldCheck, Wand, type LucideIcon } from "lucide-react";
import type { Step, StepState } from "@/lib/workspace/steps";
import { fragmentOf } from "@/lib/workspace/steps";

const ICONS: Record<Step, LucideIcon> = { stage: Inbox, validate: ShieldCheck, transform: Wand, review: ListChecks, promote: PackageCheck };

/** The flow as navigation: Stage → Validate → Transform → Review → Promote, each with its counts; the current one is marked. */
export function FlowSteps({ states, current, go }: { states: StepState[]; current: Step; go: (step: Step) => void }) {
  return (
    <nav aria-label="Flow">
      <ol className="grid grid-cols-2 gap-1 text-xs sm:grid-cols-5">
        {states.map((s, i) => {
          const Icon = ICONS[s.step];
          return (
          <li key={s.step} className="min-w-0">
            <a
              href={fragmentOf(s.step)}
              aria-current={s.step === current ? "step" : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(s.step);
              }}
              className={`block h-full rounded border px-2 py-1 hover:border-sky-500 ${
                s.step === current ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-line"
              }`}
            >
              <span className="flex items-center gap-1 font-semibold">
                <Icon aria-hidden="true" size={14} className="shrink-0" />
                {i + 1}. {s.name}
                {s.done ? " ✓" : ""}
              </span>
              <span className="block truncate text-muted">{s.state}</span>
            </a>
          </li>
          );
        })}
      </ol>
    </nav>
  );
}
