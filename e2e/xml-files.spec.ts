import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagedItem, stagingArea } from "./support/app";

const item = (page: import("@playwright/test").Page, name: string) => stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });

// An XML export (a catalog, an open data portal's rows.xml) was refused: "This is an XML document, not CSV".
test("an XML document's records stage as rows: attributes and inner elements as columns, typed", async ({ page }) => {
  await openApp(page);
  const books = Array.from(
    { length: 5 },
    (_, i) => `  <book id="bk10${i}">
    <author>Author ${i}</author>
    <title>Title &amp; ${i}</title>
    <price currency="USD">${(10 + i * 2.5).toFixed(2)}</price>
    <published>2024-0${i + 1}-15</published>
    <publisher><name>Wrox</name><city>Chicago</city></publisher>
  </book>`,
  ).join("\n");
  await addFiles(page, [{ name: "books.xml", content: `<?xml version="1.0" encoding="UTF-8"?>\n<catalog>\n${books}\n</catalog>\n`, mimeType: "application/xml" }]);
  await expect(stagedItem(page, "books.xml")).toContainText("5 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["bk100", "Author 0", "Title & 0", "USD", "10.0", "2024-01-15", "Wrox", "Chicago"]);
  for (const [column, type] of [["price", "DOUBLE"], ["published", "DATE"], ["publisher.city", "VARCHAR"]]) {
    await expect(page.getByRole("listitem", { name: `Profile of ${column}`, exact: true })).toContainText(`${column} ${type}`);
  }
});

// Many applications export "Excel" as XML Spreadsheet 2003 under an .xls name: it was refused as an XML document.
test("Excel's XML Spreadsheet 2003 (saved as .xls) stages its first worksheet with values; another can be chosen", async ({ page }) => {
  await openApp(page);
  const cell = (type: string, value: string) => `<Cell><Data ss:Type="${type}">${value}</Data></Cell>`;
  const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Blank"><Table/></Worksheet>
 <Worksheet ss:Name="Orders">
  <Table>
   <Row>${cell("String", "id")}${cell("String", "day")}${cell("String", "paid")}${cell("String", "amount")}</Row>
   <Row>${cell("Number", "1")}${cell("DateTime", "2024-01-05T00:00:00.000")}${cell("Boolean", "1")}${cell("Number", "12.5")}</Row>
   <Row>${cell("Number", "2")}${cell("DateTime", "2024-02-29T00:00:00.000")}${cell("Boolean", "0")}<Cell ss:Index="4"><Data ss:Type="Number">-3</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Notes"><Table><Row>${cell("String", "note")}</Row><Row>${cell("String", "checked")}</Row></Table></Worksheet>
</Workbook>`;
  await addFiles(page, [{ name: "orders.xls", content: xml }]);
  await expect(stagedItem(page, "orders.xls")).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2024-01-05", "true", "12.5"]);
  await expect(page.getByRole("listitem", { name: "Profile of paid" })).toContainText("paid BOOLEAN");
  const panel = await openParsePanel(page);
  await expect(panel.getByLabel("Sheet")).toHaveValue("Orders");
  await reread(page, { Sheet: "Notes" });
  await expect(stagedItem(page, "orders.xls")).toContainText("1 row");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["checked"]);
});

test("XML that is not well formed is refused with its line; XML of no records says what it reads", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "cut.xml", content: `<?xml version="1.0"?>\n<rows>\n  <row><a>1</a></row>\n  <row><a>2</b></row>\n</rows>\n` },
    { name: "settings.xml", content: `<?xml version="1.0"?>\n<settings><theme>dark</theme><size>3</size></settings>\n` },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "cut.xml" })).toContainText("cut.xml, line 4: This XML is not well formed (closing tag mismatch)");
  await expect(page.getByRole("alert").filter({ hasText: "settings.xml" })).toContainText("This XML document holds no records");
});
