/** The one line that says what this browser does not let Stages keep (lib/storage/support.ts), under the app's header or the importer's title. */
export function StorageNote({ text }: { text: string }) {
  return (
    <p role="note" className="w-full rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs dark:border-amber-700 dark:bg-amber-950">
      {text}
    </p>
  );
}
