import { describe, expect, it } from "vitest";
import { fetchedFileName, fileLink } from "./file-link";

describe("fileLink", () => {
  it("takes one http(s) address, trimmed, and nothing else", () => {
    expect(fileLink("  https://data.example.org/rows.csv \n")).toBe("https://data.example.org/rows.csv");
    expect(fileLink("http://example.org/a b.csv")).toBeNull();
    expect(fileLink("ftp://example.org/rows.csv")).toBeNull();
    expect(fileLink("see https://example.org/rows.csv")).toBeNull();
    expect(fileLink("id,name\n1,Ada")).toBeNull();
  });
});

describe("fetchedFileName", () => {
  it("takes the server's name first, encoded or plain", () => {
    expect(fetchedFileName("https://x.org/download?id=3", "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", "text/csv")).toBe("résumé.csv");
    expect(fetchedFileName("https://x.org/download?id=3", 'attachment; filename="export 2024.xlsx"', null)).toBe("export 2024.xlsx");
    expect(fetchedFileName("https://x.org/download", "attachment; filename=../../etc/rows.csv", null)).toBe("rows.csv");
  });

  it("else the address's last part, with the content type's extension where it has none, else the host", () => {
    expect(fetchedFileName("https://x.org/data/sales%202024.csv?raw=1", null, "text/plain")).toBe("sales 2024.csv");
    expect(fetchedFileName("https://data.city.gov/api/views/abcd/rows?accessType=DOWNLOAD", null, "text/csv; charset=utf-8")).toBe("rows.csv");
    expect(fetchedFileName("https://x.org/feed", null, "application/octet-stream")).toBe("feed");
    expect(fetchedFileName("https://x.org/", null, "application/json")).toBe("x.org.json");
  });
});
