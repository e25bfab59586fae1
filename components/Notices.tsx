import type { Notice } from "./notices";

export function Notices({ notices, dismiss }: { notices: Notice[]; dismiss: (id: number) => void }) {
  const errors = notices.filter((n) => n.kind === "error");
  const infos = notices.filter((n) => n.kind === "info");
  return (
    <div className="space-y-2">
      <div role="alert" className="space-y-2">
        {errors.map((n) => (
          <NoticeItem key={n.id} notice={n} dismiss={dismiss} />
        ))}
      </div>
      <div role="status" className="space-y-2">
        {infos.map((n) => (
          <NoticeItem key={n.id} notice={n} dismiss={dismiss} />
        ))}
      </div>
    </div>
  );
}

function NoticeItem({ notice, dismiss }: { notice: Notice; dismiss: (id: number) => void }) {
  const tone =
    notice.kind === "error"
      ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      : "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100";
  return (
    <p className={`flex items-start justify-between gap-4 rounded border px-3 py-2 text-sm ${tone}`}>
      <span className="whitespace-pre-wrap break-words">{notice.text}</span>
      <button
        type="button"
        className="shrink-0 rounded px-1 underline focus-visible:outline-2"
        aria-label="Dismiss message"
        onClick={() => dismiss(notice.id)}
      >
        Dismiss
      </button>
    </p>
  );
}
