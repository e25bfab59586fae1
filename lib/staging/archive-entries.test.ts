import { describe, expect, it } from "vitest";
import { dataEntries, entryFileNames } from "./archive-entries";

describe("dataEntries", () => {
  it("keeps an archive's data files, gzipped or not, and leaves out folders, macOS's copies, hidden files and a README beside them", () => {
    const names = ["export/", "export/orders.csv", "export/items.json.gz", "export/README.txt", "__MACOSX/export/._orders.csv", "export/.DS_Store", "export/logo.png", "export/q1.xlsx"];
    expect(dataEntries(names)).toEqual(["export/orders.csv", "export/items.json.gz", "export/q1.xlsx"]);
    // The older workbooks, OpenDocument, XML and SQLite files too; not Windows' thumbnail cache, a .db of no data.
    expect(dataEntries(["old.xls", "sheet.ods", "feed.xml", "app.sqlite", "store.db", "photos/Thumbs.db"])).toEqual(["old.xls", "sheet.ods", "feed.xml", "app.sqlite", "store.db"]);
    // A zipped shapefile: its attributes are data, read with its geometry, projection and code page file; its index is not read.
    expect(dataEntries(["roads.shp", "roads.shx", "roads.dbf", "roads.prj", "roads.cpg"])).toEqual(["roads.dbf", "roads.shp", "roads.prj", "roads.cpg"]);
    // A dBase table's memo file and code page file come with the table of their name (to go with it once unpacked), and only then.
    expect(dataEntries(["db/NOTES.DBF", "db/notes.dbt", "db/other.fpt", "loose.dbt"])).toEqual(["db/NOTES.DBF", "db/notes.dbt"]);
    // A SAS format catalog comes with the SAS datasets beside it, and only then.
    expect(dataEntries(["lib/adsl.sas7bdat", "lib/formats.sas7bcat", "lib/define.pdf"])).toEqual(["lib/adsl.sas7bdat", "lib/formats.sas7bcat"]);
    expect(dataEntries(["sales.csv", "formats.sas7bcat"])).toEqual(["sales.csv"]);
  });

  it("takes text files when the archive holds no other data file", () => {
    expect(dataEntries(["data/values.txt", "notes.pdf"])).toEqual(["data/values.txt"]);
    expect(dataEntries(["notes.pdf", "img/"])).toEqual([]);
  });
});

describe("entryFileNames", () => {
  it("names each entry by its own name, or by its path where two share a name", () => {
    expect(entryFileNames(["2024/sales.csv", "2025/sales.csv", "2025/regions.csv"])).toEqual(["2024-sales.csv", "2025-sales.csv", "regions.csv"]);
  });
});
