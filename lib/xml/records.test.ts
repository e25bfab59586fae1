import { describe, expect, it } from "vitest";
import { XmlError } from "./parse-error";
import { xmlRecords } from "./records";

describe("xmlRecords", () => {
  it("reads a catalog's records: attributes, then elements inside, nested ones by their path", () => {
    const xml = `<?xml version="1.0"?>
<catalog xmlns:x="urn:x">
  <book id="bk101">
    <author>Gambardella, Matthew</author>
    <title>XML Developer&apos;s Guide</title>
    <price currency="USD">44.95</price>
    <publisher><name>Wrox</name><city>Chicago</city></publisher>
  </book>
  <book id="bk102">
    <author>Ralls, Kim</author>
    <title><![CDATA[Midnight <Rain>]]></title>
    <price currency="USD">5.95</price>
    <x:isbn>0-13</x:isbn>
  </book>
</catalog>`;
    expect(xmlRecords(xml)).toEqual({
      path: "catalog/book",
      names: ["id", "author", "title", "price.currency", "price", "publisher.name", "publisher.city", "isbn"],
      rows: [
        ["bk101", "Gambardella, Matthew", "XML Developer's Guide", "USD", "44.95", "Wrox", "Chicago", null],
        ["bk102", "Ralls, Kim", "Midnight <Rain>", "USD", "5.95", null, null, "0-13"],
      ],
    });
  });

  it("finds the records past a document's metadata, and under an element of the same name (an open data portal's rows.xml)", () => {
    const xml = `<response><meta><field name="a"/><field name="b"/></meta><row><row _id="1"><name>Ada</name><age>36</age></row><row _id="2"><name>Grace</name></row><row _id="3"><age/></row></row></response>`;
    expect(xmlRecords(xml)).toEqual({
      path: "response/row/row",
      names: ["_id", "name", "age"],
      rows: [
        ["1", "Ada", "36"],
        ["2", "Grace", null],
        ["3", null, null],
      ],
    });
  });

  it("reads records made of attributes alone, and joins an element found more than once in a record", () => {
    expect(xmlRecords(`<items><item sku="A" qty="2"/><item sku="B" qty="5"/></items>`)?.rows).toEqual([
      ["A", "2"],
      ["B", "5"],
    ]);
    const tagged = xmlRecords(`<posts><post><title>a</title><tag>x</tag><tag>y</tag></post><post><title>b</title></post></posts>`);
    expect(tagged?.rows).toEqual([
      ["a", "x; y"],
      ["b", null],
    ]);
  });

  it("reads a long document whose head is cut inside a record as the whole", () => {
    const record = (i: number) => `<entry n="${i}"><text>${"x".repeat(90)}</text></entry>\n`;
    const xml = `<feed>\n${Array.from({ length: 60_000 }, (_, i) => record(i)).join("")}</feed>`;
    const read = xmlRecords(xml);
    expect(xml.length).toBeGreaterThan(5_000_000);
    expect(read?.path).toBe("feed/entry");
    expect(read?.rows.length).toBe(60_000);
    expect(read?.rows.at(-1)?.[0]).toBe("59999");
  });

  it("is null for a document with no repeated records, and fails with the line of a fault", () => {
    expect(xmlRecords(`<config><name>x</name><size>3</size></config>`)).toBeNull();
    try {
      xmlRecords(`<rows>\n<row><a>1</a></row>\n<row><a>2</b></row>\n</rows>`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(XmlError);
      expect((error as XmlError).line).toBe(3);
    }
  });
});
