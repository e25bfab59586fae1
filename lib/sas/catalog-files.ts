import { pairingStem } from "@/lib/dbf/companions";

/**
 * A SAS format catalog (`formats.sas7bcat`) added with SAS datasets (`.sas7bdat`): the labels of the user formats
 * their columns name. One catalog serves a library's datasets, so it goes with each dataset added with it: the
 * catalog of the dataset's own name, else one named `formats` (SAS's default), else the first; it is not staged
 * on its own.
 */
const isDataset = (name: string) => /\.sas7bdat$/i.test(name);

/** Whether the file is a SAS format catalog (.sas7bcat), by its name. */
export const isSasCatalog = (name: string): boolean => /\.sas7bcat$/i.test(name);

/** What a catalog added without a dataset is, and what to do; null for any other file. */
export function catalogAlone(name: string): string | null {
  return isSasCatalog(name)
    ? "This is a SAS format catalog (.sas7bcat): the labels of the user formats that SAS datasets name, not a dataset. Add it together with the datasets (.sas7bdat) whose columns use its formats, and they stage with its labels."
    : null;
}

/** Files added together, each SAS dataset given a catalog added with it (in its origin), and the catalogs given taken out of the files to stage. */
export function attachSasCatalogs<F extends { name: string }, O extends object>(files: readonly F[], origins: readonly (O | undefined)[]): { files: F[]; origins: ((O & { catalog?: F }) | undefined)[] } {
  const catalogs = files.filter((f) => isSasCatalog(f.name));
  if (!catalogs.length || !files.some((f) => isDataset(f.name))) return { files: [...files], origins: [...origins] };
  const chosen = (dataset: F) => catalogs.find((c) => pairingStem(c.name) === pairingStem(dataset.name)) ?? catalogs.find((c) => pairingStem(c.name) === "formats") ?? catalogs[0]!;
  const given = files.map((f) => (isDataset(f.name) ? chosen(f) : undefined));
  const kept = files.flatMap((f, i) => (given.includes(f) ? [] : [{ file: f, origin: given[i] ? ({ ...origins[i], catalog: given[i] } as O & { catalog: F }) : origins[i] }]));
  return { files: kept.map((k) => k.file), origins: kept.map((k) => k.origin) };
}
