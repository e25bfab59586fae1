import { describe, expect, test } from "vitest";
import { attachSasCatalogs, catalogAlone, isSasCatalog } from "./catalog-files";

const named = (...names: string[]) => names.map((name) => ({ name }));
const none: { url?: string }[] = [];

describe("SAS catalogs added with datasets", () => {
  test("one catalog goes with every dataset added with it, and is not staged on its own", () => {
    const files = named("visits.sas7bdat", "formats.sas7bcat", "patients.sas7bdat", "notes.csv");
    const { files: kept, origins } = attachSasCatalogs(files, [undefined, undefined, { url: "https://example.org/patients" }, undefined]);
    expect(kept.map((f) => f.name)).toEqual(["visits.sas7bdat", "patients.sas7bdat", "notes.csv"]);
    expect(origins).toEqual([{ catalog: files[1] }, { url: "https://example.org/patients", catalog: files[1] }, undefined]);
  });

  test("the catalog of a dataset's own name first, then formats.sas7bcat; one no dataset takes stays", () => {
    const files = named("ADSL.SAS7BDAT", "adsl.sas7bcat", "formats.sas7bcat", "vs.sas7bdat", "extra.sas7bcat");
    const { files: kept, origins } = attachSasCatalogs(files, none);
    expect(kept.map((f) => f.name)).toEqual(["ADSL.SAS7BDAT", "vs.sas7bdat", "extra.sas7bcat"]);
    expect(origins.map((o) => o?.catalog?.name)).toEqual(["adsl.sas7bcat", "formats.sas7bcat", undefined]);
    expect(attachSasCatalogs(named("a.sas7bdat", "lib.sas7bcat"), none).origins[0]?.catalog?.name).toBe("lib.sas7bcat");
  });

  test("without a dataset, or without a catalog, nothing changes; a catalog alone says what it is", () => {
    const alone = named("formats.sas7bcat", "sales.csv");
    expect(attachSasCatalogs(alone, [])).toEqual({ files: alone, origins: [] });
    expect(attachSasCatalogs(named("a.sas7bdat"), [undefined]).files).toEqual(named("a.sas7bdat"));
    expect(catalogAlone("FORMATS.SAS7BCAT")).toMatch(/^This is a SAS format catalog .* Add it together with the datasets/);
    expect([catalogAlone("a.sas7bdat"), isSasCatalog("a.sas7bcat"), isSasCatalog("a.sas7bdat")]).toEqual([null, true, false]);
  });
});
