import { describe, expect, test } from "vitest";
import { describeSasFormats, formatLabels, isOwnFormat, userFormats } from "./formats";

describe("SAS formats", () => {
  const gender = new Map<number | string, string>([["f", "Female"]]);
  const formats = new Map([["$GENDER", gender]]);

  test("a column's format matched to the catalog's by its name, in any case, with or without a width", () => {
    expect([formatLabels({ format: "$gender8." }, formats), formatLabels({ format: "$GENDER" }, formats)]).toEqual([gender, gender]);
    expect([formatLabels({ format: "GENDER" }, formats), formatLabels({ format: "$GENDER" }, undefined)]).toEqual([undefined, undefined]);
  });

  test("SAS's own formats need no catalog", () => {
    expect(["", "BEST12.", "COMMA10.2", "DOLLAR8.", "Z5.", "$", "$CHAR20.", "$UPCASE.", "MMDDYY10.", "DATETIME20.", "TIME8.", "E8601DA.", "NLNUM."].filter((f) => !isOwnFormat(f))).toEqual([]);
    expect(["WORKSHOP.", "$GENDER.", "YESNO", "$REGION2."].filter(isOwnFormat)).toEqual([]);
  });

  test("the columns a catalog labels, and those naming a user format it does not hold", () => {
    const columns = [{ name: "id", format: "BEST12." }, { name: "gender", format: "$GENDER." }, { name: "site", format: "$SITE." }, { name: "visit", format: "" }];
    expect(userFormats(columns, formats)).toEqual({ unmatched: ["site ($SITE.)"] });
    expect(userFormats(columns, undefined)).toEqual({ unmatched: ["gender ($GENDER.)", "site ($SITE.)"] });
  });

  test("what the read panel says: a catalog not read, formats no catalog gave", () => {
    expect(describeSasFormats({ unmatched: [] }, true)).toEqual([]);
    expect(describeSasFormats({ unmatched: ["site ($SITE.)"] }, false)).toEqual([
      "Column site ($SITE.) names a format that SAS does not have, most often user formats kept in a format catalog (formats.sas7bcat): staged as its codes. Add the catalog now (or together with the dataset, or a ZIP of both) to read their labels.",
    ]);
    expect(describeSasFormats({ unmatched: ["site ($SITE.)"] }, true)[0]).toBe("Column site ($SITE.) names a format that the catalog added with it does not hold: staged as its codes.");
    expect(describeSasFormats({ unmatched: ["gender ($GENDER.)"], unread: "formats.sas7bcat: it is cut short" }, true)).toEqual([
      "Its catalog is not read (formats.sas7bcat: it is cut short): the codes are staged as they are.",
      expect.stringMatching(/^Column gender \(\$GENDER\.\) names a format that SAS does not have/),
    ]);
  });
});
