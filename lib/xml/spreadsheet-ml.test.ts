import { describe, expect, it } from "vitest";
import { isSpreadsheetMl, spreadsheetMlSheets } from "./spreadsheet-ml";

const book = (worksheets: string) => `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="Default"/></Styles>${worksheets}
</Workbook>`;

describe("spreadsheetMlSheets", () => {
  it("is told by its root element", () => {
    expect(isSpreadsheetMl(book(""))).toBe(true);
    expect(isSpreadsheetMl(`<?xml version="1.0"?><catalog><book/></catalog>`)).toBe(false);
  });

  it("reads each worksheet's rows by their types, skipping rows and columns by index and spanning merged cells", () => {
    const xml = book(`
 <Worksheet ss:Name="Orders &amp; returns">
  <Table ss:ExpandedColumnCount="4">
   <Row><Cell><Data ss:Type="String">id</Data></Cell><Cell><Data ss:Type="String">day</Data></Cell><Cell><Data ss:Type="String">paid</Data></Cell><Cell><Data ss:Type="String">at</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="DateTime">2024-01-05T00:00:00.000</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell><Cell><Data ss:Type="DateTime">2024-01-05T13:45:00.000</Data></Cell></Row>
   <Row ss:Index="4"><Cell ss:Index="3"><Data ss:Type="Boolean">0</Data></Cell><Cell><Data ss:Type="DateTime">1899-12-31T08:30:00.000</Data></Cell></Row>
   <Row><Cell ss:MergeAcross="1"><Data ss:Type="String">wide</Data></Cell><Cell><Data ss:Type="String">R&amp;D</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Empty"><Table/></Worksheet>`);
    expect(spreadsheetMlSheets(xml)).toEqual([
      {
        name: "Orders & returns",
        rows: [["id", "day", "paid", "at"], ["1", "2024-01-05", "true", "2024-01-05 13:45:00"], [], [null, null, "false", "08:30:00"], ["wide", null, "R&D"]],
      },
      { name: "Empty", rows: [] },
    ]);
  });
});
