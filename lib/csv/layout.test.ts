import { describe, expect, it } from "vitest";
import { detectLayout, markedLines } from "./layout";
import { fits } from "./shapes";

const COMMA = { delimiter: ",", quote: '"', escape: '"' };
const layoutOf = (text: string) => {
  const lines = text.split("\n");
  return detectLayout({ head: lines, tail: lines, whole: true }, COMMA);
};

describe("detectLayout", () => {
  it("finds the header below title lines a spreadsheet padded with delimiters", () => {
    const layout = layoutOf("Sales report Q3,,\nMade 2024-10-01,,\n,,\nid,region,amount\n1,North,10\n2,South,20\n3,East,30\n");
    expect(layout).toMatchObject({ preamble: 3, header: true, names: ["id", "region", "amount"], width: 3 });
  });

  it("finds the header below more comment lines than the table has rows, as Google Analytics exports write them", () => {
    const ga = "# ----------------------------------------\n# Pages and screens\n# Account: Demo\n# ----------------------------------------\n#\n# Start date: 20240101\n# End date: 20240131\nPage,Views,Users\nHome,12345,4567\nCart,2345,1234\n";
    expect(layoutOf(ga)).toMatchObject({ preamble: 7, header: true, names: ["Page", "Views", "Users"], width: 3, comment: "#" });
    // Values that start with # (tags) are no comments: the rows' width is theirs.
    expect(layoutOf("tag,count\n#a,1\n#b,2\n#c,3\n")).toMatchObject({ preamble: 0, header: true, width: 2 });
  });

  it("takes no row of the table's width for a comment, though it starts with # (Shopify's order #1001), a comment line above or not", () => {
    const orders = "Name,Email,Total\n#1001,ada@example.com,33.50\n#1001,ada@example.com,\n#1002,bo@example.com,17.25\n";
    expect(layoutOf(orders)).toMatchObject({ preamble: 0, header: true, comment: null });
    expect(layoutOf(`# exported today\n${orders}`)).toMatchObject({ preamble: 1, header: true, comment: null });
    // A comment line among the rows, narrower than them, is one.
    expect(layoutOf("id,name,amount\n1,a,5\n# checked by Bo\n2,b,6\n3,c,7\n")).toMatchObject({ comment: "#" });
  });

  it("leaves totals under a label line of their own below the table, with Salesforce's footer", () => {
    const report = ['"Name","Account","Amount","Close Date","Stage"', '"A","Acme","$12,000.00","1/15/2024","Won"', '"B","Globex","$8,500.00","2/28/2024","Lost"', '"C","Initech","$3,250.50","3/5/2024","Open"', '""', '"Grand Totals (3 records)"', '"","","$23,750.50","",""', '""', '""', '"Confidential Information - Do Not Distribute"', '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."', ""];
    expect(layoutOf(report.join("\n"))).toMatchObject({ preamble: 0, header: true, notes: 7 });
    // A sparse last row under a row of data is a row.
    expect(layoutOf(["name,account,amount,date,stage", "A,Acme,5,2024-01-01,Won", "B,Globex,6,2024-01-02,Lost", "C,Initech,7,2024-01-03,Open", ",,8,,", ""].join("\n"))).toMatchObject({ notes: 0 });
  });

  it("leaves a totals row with no label below the table, as Google Analytics writes it, and a report's quoted footer", () => {
    const ga = ["# Audience Overview", "", "Day Index,Users", "1/1/24,52", "1/2/24,61", "1/3/24,58", "1/4/24,70", ",241", "", "# ----", ""];
    expect(layoutOf(ga.join("\n"))).toMatchObject({ preamble: 2, header: true, notes: 3 });
    // Not summing to it, it is a row whose label is missing.
    expect(layoutOf(ga.join("\n").replace(",241", ",80"))).toMatchObject({ notes: 2 });
    const report = ['"","Total"', '"Sales","12,000.00"', '"Services","3,000.00"', '"Rent","6,000.00"', "", "", '"Cash Basis Tuesday, January 7, 2025 10:15 AM GMT-05:00"', ""];
    expect(layoutOf(report.join("\n"))).toMatchObject({ header: true, notes: 3 });
  });

  it("keeps a sparse first row of a file without a header as data", () => {
    const layout = layoutOf("1,,\n2,North,20\n3,East,30\n4,West,40\n");
    expect(layout).toMatchObject({ preamble: 0, header: false });
  });

  it("keeps a header that names only its first column when rows follow it", () => {
    const layout = layoutOf("id,,\n1,North,20\n2,East,30\n3,West,40\n");
    expect(layout).toMatchObject({ preamble: 0, header: true, names: ["id", "", ""] });
  });

  it("finds it in a table of two columns too, but not over free text, where the sparse line may be the names", () => {
    expect(layoutOf("Report,\nid,amount\n1,10\n2,20\n")).toMatchObject({ preamble: 1, names: ["id", "amount"] });
    expect(layoutOf("name,\nAda,London\nBo,Paris\nCy,Rome\n").preamble).toBe(0);
  });

  it("takes the first row of a table of words for its header, as a column of words takes a name as readily as a value", () => {
    expect(layoutOf("name,city\nann,Paris\nbob,Rome\ncy,Oslo\ndee,Lima\n")).toMatchObject({ preamble: 0, header: true, headerLines: 1, names: ["name", "city"] });
    expect(layoutOf("name,active\nann,Y\nbob,N\ncy,Y\n")).toMatchObject({ header: true, names: ["name", "active"] });
    // Codes, numbers and dates still tell a first row of data from names.
    expect(layoutOf("item,amount\na,\"1,234.00\"\nb,\"(1,234.00)\"\nc,(56.10)\nd,12.00\n")).toMatchObject({ header: true, headerLines: 1 });
    expect(layoutOf("ann,AB-12,2024-01-02\nbob,CD-34,2024-02-03\ncy,EF-56,2024-03-04\ndee,GH-78,2024-04-05\n")).toMatchObject({ header: false });
  });

  it("takes a first row of the words columns are named with for the header, over columns that mix words and numbers", () => {
    expect(layoutOf("key,value\nname,Ada\nage,36\ncity,London\n")).toMatchObject({ header: true, names: ["key", "value"] });
    expect(layoutOf("Field Name,Answer\nfirst_name,Ada\nscore,36\n")).toMatchObject({ header: true });
    // Not when a word comes again below it in its column.
    expect(layoutOf("name,value\nname,Ada\nage,36\ncity,London\n")).toMatchObject({ header: false });
  });

  it("takes a header over columns of numbers with missing-value markers (R's NA): a marker is no shape a name may fit", () => {
    expect(layoutOf("code,staff\nA,5\nB,7\nC,NA\n")).toMatchObject({ header: true, names: ["code", "staff"] });
    expect(layoutOf("zip,staff\n02134,5\nNA,7\n10001,NA\n")).toMatchObject({ header: true, names: ["zip", "staff"] });
    // No header: the first row is data, markers and all.
    expect(layoutOf("A,5\nB,NA\nC,7\nD,8\n")).toMatchObject({ header: false });
  });

  it("takes years one after the other across the first row for a header over columns of other numbers", () => {
    expect(layoutOf("region,2022,2023\nNorth,10,12\nSouth,11,13\nEast,9,8\nWest,7,6\n")).toMatchObject({ header: true, names: ["region", "2022", "2023"] });
    expect(layoutOf("line,2024,2023,2022\nrevenue,1.5,1.2,1.1\ncosts,0.9,0.8,0.7\nprofit,0.6,0.4,0.4\n")).toMatchObject({ header: true, names: ["line", "2024", "2023", "2022"] });
    // Columns of years, or years that do not follow each other, are rows.
    expect(layoutOf("North,2022,2023\nSouth,2019,2020\nEast,2015,2016\nWest,2011,2012\n")).toMatchObject({ header: false });
    expect(layoutOf("North,2022,2031\nSouth,10,12\nEast,9,8\nWest,7,6\n")).toMatchObject({ header: false });
  });

  it("takes R's header over its rows' names, one narrower than the rows, for the header, not for a title line", () => {
    expect(layoutOf("x\ty\n1\t1\tp\n2\t3\tq\n3\t5\tr\n4\t7\ts\n".replaceAll("\t", ","))).toMatchObject({ preamble: 0, header: true, names: ["", "x", "y"], width: 3, rowNames: true });
    expect(layoutOf("Report,2024\nid,name,amount\n1,ann,2.5\n2,bob,3.5\n3,cy,4.5\n")).toMatchObject({ preamble: 1, header: true, names: ["id", "name", "amount"] });
  });

  it("takes a header wider than its rows, whose writer left out their trailing empty values, for the header, the rows ragged", () => {
    const ragged = layoutOf("id,name,amount,note\n1,ann,2.5\n2,bob,3.5,late\n3,cy,4.5\n4,di,5.5\n");
    expect(ragged).toMatchObject({ preamble: 0, header: true, names: ["id", "name", "amount", "note"], width: 4, raggedRows: true });
    expect(ragged.shapes[0]?.numeric).toBe(true);
    // Not a title line wider than the table, nor a first row of numbers, nor a row wider than the header above it.
    expect(layoutOf("Report,2024,Q3,final\n1,ann,2.5\n2,bob,3.5\n3,cy,4.5\n")).toMatchObject({ raggedRows: false });
    expect(layoutOf("Sales report, Q3 2024, EMEA, final\nid,name,amount\n1,ann,2.5\n2,bob,3.5\n3,cy,4.5\n")).toMatchObject({ preamble: 1, names: ["id", "name", "amount"], raggedRows: false });
    expect(layoutOf("1,2,3,4\n5,6,7\n8,9,10\n11,12,13\n")).toMatchObject({ header: false, raggedRows: false });
    expect(layoutOf("id,name,amount\n1,ann,2.5,x\n2,bob,3.5\n3,cy,4.5\n")).toMatchObject({ names: ["id", "name", "amount"], width: 3, raggedRows: false });
  });

  it("takes a header that alone ends in a delimiter for the header, not for a title line", () => {
    expect(layoutOf("a,b,c,\n1,2,3\n4,5,6\n")).toMatchObject({ preamble: 0, header: true, width: 3, trailingDelimiter: false });
    expect(layoutOf("Report,,,\na,b,c,\n1,2,3\n4,5,6\n7,8,9\n")).toMatchObject({ preamble: 1, header: true, width: 3 });
  });

  it("finds the header and the columns' shapes when the header comes again among the rows", () => {
    expect(layoutOf("id,name,amount\n1,a,1.5\n2,b,2.5\nid,name,amount\n3,c,3.5\n4,d,4.5\n")).toMatchObject({ preamble: 0, header: true, names: ["id", "name", "amount"] });
  });

  it("takes summary rows at the end (Total, Sum) for lines below the table, not for rows", () => {
    expect(layoutOf("id,day,amount\n1,2024-01-02,2.5\n2,2024-01-03,3.5\nTotal,,6\n").notes).toBe(1);
    expect(layoutOf("region,units,amount\nNorth,1,2.5\nSouth,2,3.5\n,Subtotal,6\nGRAND TOTAL:,3,6\n").notes).toBe(2);
    expect(layoutOf("region,units\nNorth,1\nSumme,1\n").notes).toBe(1);
    // A label that only starts like one, or a total above the last row, is data.
    expect(layoutOf("product,units,amount\nTotally Tea,1,2.5\nTea,2,3.5\n").notes).toBe(0);
    expect(layoutOf("region,units,amount\nTotal,3,6\nNorth,1,2.5\n").notes).toBe(0);
    // The Total row does not hide the header of a small table: its label is no value of the first column.
    expect(layoutOf("id,score,country\n1,2.5,NA\n2,NA,FR\n3,#N/A,DE\nTotal,2.5,\n")).toMatchObject({ header: true, notes: 1 });
  });

  it("takes a line of groups over the columns' own names for a header of two lines, and names each column by both", () => {
    const text = "Quarterly sales\n\nRegion,2024,,2023,\n,Units,Revenue,Units,Revenue\nNorth,10,1200.5,9,1100\nSouth,11,1300.25,8,990\n";
    expect(layoutOf(text)).toMatchObject({ preamble: 2, header: true, headerLines: 2, names: ["Region", "2024 Units", "2024 Revenue", "2023 Units", "2023 Revenue"] });
    // A row of data under a sparse header is no line of names: its numbers fit their columns.
    expect(layoutOf("Region,2024,,2023,\nNorth,10,1200.5,9,1100\nSouth,11,1300.25,8,990\nEast,9,900,7,800\n")).toMatchObject({ headerLines: 1 });
  });

  it("takes a line of units that leaves the columns without one empty for a second header line, and not a first row with gaps", () => {
    const rows = "A,2024-01-01 00:00,12.5,1013.2\nA,2024-01-01 01:00,12.1,1013.0\nB,2024-01-01 00:00,9.8,1009.4\nB,2024-01-01 01:00,9.5,1009.9\n";
    expect(layoutOf(`station,time,temp,pressure\n,,degC,hPa\n${rows}`)).toMatchObject({ header: true, headerLines: 2, names: ["station", "time", "temp", "pressure"] });
    expect(layoutOf(`station,time,temp,pressure\n-,-,°C,%\n${rows}`)).toMatchObject({ headerLines: 2 });
    // A first row with a gap, a word in a column of numbers, or one unit alone among several columns is a row.
    expect(layoutOf(`station,time,temp,pressure\nC,,8.5,1011.2\n${rows}`)).toMatchObject({ headerLines: 1 });
    expect(layoutOf(`station,time,temp,pressure\n,,TBD,1011.2\n${rows}`)).toMatchObject({ headerLines: 1 });
    expect(layoutOf(`station,time,temp,pressure\n,,degC,\n${rows}`)).toMatchObject({ headerLines: 1 });
  });

  it("takes a report's footer of single values for lines below the table, though they are words like the first column's (Salesforce)", () => {
    const rows = ["Acme Inc,12000,2024-01-15", "Globex Ltd,8500,2024-02-01", "Initech Corp,700,2024-02-03", "Umbrella Co,90,2024-03-01"];
    const footer = ['"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."', '"Confidential Information - Do Not Distribute"', '"Generated By:  Ann Lee  1/31/2024 10:00 AM"', '"Acme Corp"'];
    expect(layoutOf(["Account Name,Amount,Close Date", ...rows, "", "", ...footer, ""].join("\n"))).toMatchObject({ header: true, notes: 6 });
    // A two-column table's one-value lines are still judged by their shape.
    expect(layoutOf("name,score\nAnn,1\nBo,2\nCy\n").notes).toBe(0);
  });

  it("takes a last row for a row, not a note, when a quote makes it look like one: never closed, or closing a value of two lines", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i},2024-01-0${i + 1},AB-${i},${i}.5,"note ${i}",Ann Lee`);
    const header = "id,day,code,price,note,customer";
    expect(layoutOf([header, ...rows, '"8,2024-01-09,AB-8,8.5,"cable, fast",Ann Lee', ""].join("\n")).notes).toBe(0);
    expect(layoutOf([header, ...rows, '8,2024-01-09,AB-8,8.5,"cable', 'second line, fast",Ann Lee', ""].join("\n")).notes).toBe(0);
    // Never closed and a delimiter lost too: one value fewer, every one filled.
    expect(layoutOf([header, ...rows, '"82024-01-09,AB-8,8.5,cable fast,Ann Lee', ""].join("\n")).notes).toBe(0);
    // A note of its own with an odd quote is still a note.
    expect(layoutOf([header, ...rows, "", 'Note: screens of 27" only', ""].join("\n")).notes).toBe(2);
    expect(layoutOf([header, ...rows, '"Exported", by Ann, on 2024-01-10', ""].join("\n")).notes).toBe(1);
  });

  it("finds a header with a stray quote at the start of a name, which ran it into the rows below, and names its columns without it", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i},2024-01-0${i + 1},AB-${i},${i}.5,"said ""hi"", then left",Ann Lee`);
    expect(layoutOf(['id,day,"code,price,note,customer', ...rows, ""].join("\n"))).toMatchObject({
      preamble: 0, header: true, width: 6, strayQuoteHeader: true, names: ["id", "day", "code", "price", "note", "customer"],
    });
    // A name over two lines (a cell wrapped in Excel) is no stray quote.
    expect(layoutOf(['id,day,code,price,note,"customer', 'name"', ...rows, ""].join("\n"))).toMatchObject({ preamble: 0, header: true, width: 6, strayQuoteHeader: false });
  });

  it("learns no column's shape from two rows that a stray quote joined into one record as wide as the table", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `"${i}","2024-01-0${i + 1}","AB-${i}","${i}.5","cable, fast","Ann Lee"`);
    rows[4] = '"4,2024-01-05,AB-4,4.5,cable fast,Ann Lee';
    const layout = layoutOf(["id,day,code,price,note,customer", ...rows, ""].join("\n"));
    expect(layout.width).toBe(6);
    expect(fits(layout.shapes[0], '4,2024-01-05,AB-4,4.5,cable fast,Ann Lee\n5"')).toBe(false);
  });

  it("takes a last row written with another delimiter for a row, not a note, and a note with a few commas for a note", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i};2024-01-0${i + 1};AB-${i};${i}.5;cable, fast;Ann Lee`);
    const notesBelow = (...last: string[]) => {
      const lines = ["id;day;code;price;note;customer", ...rows, ...last, ""];
      return detectLayout({ head: lines, tail: lines, whole: true }, { ...COMMA, delimiter: ";" }).notes;
    };
    expect(notesBelow("8,2024-01-09,AB-8,8.5,cable, fast,Ann Lee")).toBe(0);
    expect(notesBelow("8,2024-01-09,AB-8,8.5,cable, fast,Ann Lee;")).toBe(0);
    expect(notesBelow('"8,2024-01-09,AB-8,8.5,cable, fast,Ann Lee')).toBe(0);
    expect(notesBelow("", "Source: finance, sales, and the shop")).toBe(2);
  });

  it("takes the header again after a blank line for the same table going on, not a second table", () => {
    const rows = (from: number) => Array.from({ length: 4 }, (_, i) => `${from + i},AB-${i},${i}.5`);
    expect(layoutOf(["id,code,price", ...rows(0), "", "id,code,price", ...rows(4), ""].join("\n"))).toMatchObject({ notes: 0, secondTable: null });
    expect(layoutOf(["id,code,price", ...rows(0), "", "region,total", "north,12", "south,8", ""].join("\n"))).toMatchObject({ notes: 4, secondTable: { lines: 3, width: 2 } });
  });
});

describe("markedLines", () => {
  it("numbers the lines from the first given on that start with a byte-order mark", () => {
    expect(markedLines(["id,n", "1,a", "\uFEFF2,b", "3,\uFEFFc", "\uFEFF4,d"], 1)).toEqual([3, 5]);
    expect(markedLines(["\uFEFF1,a", "2,b"], 1)).toEqual([]);
  });
});

// A list of numbers, one a line, lost its first number to the header ("5" named the column).
describe("one column", () => {
  it("has a header only when its first value is not shaped like the values below it", () => {
    expect(layoutOf("5\n7\n9\n11\n")).toMatchObject({ header: false, names: [] });
    expect(layoutOf("2024-01-02\n2024-01-03\n2024-01-04\n2024-01-05\n")).toMatchObject({ header: false });
    expect(layoutOf('"12 Main St, Springfield"\n"4 Oak Ave, Shelbyville"\n"9 Elm Rd, Ogdenville"\n"1 Pine Ct, Brockway"\n')).toMatchObject({ header: false });
    expect(layoutOf("id\n5\n7\n9\n")).toMatchObject({ header: true, names: ["id"] });
    expect(layoutOf("city\nParis\nOslo\n")).toMatchObject({ header: true, names: ["city"] });
    expect(layoutOf("id\n")).toMatchObject({ header: true });
  });
});
