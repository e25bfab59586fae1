import { describe, expect, it } from "vitest";
import { opensWrappedJson, unwrapScript } from "./json-script";

describe("unwrapScript", () => {
  it("blanks a JSONP callback around the JSON, keeping every character's place", () => {
    const text = 'jQuery3_1({"items": [{"id": 1}]});\n';
    const unwrapped = unwrapScript(text);
    expect(unwrapped?.wrapper).toBe("callback");
    expect(JSON.parse(unwrapped!.text)).toEqual({ items: [{ id: 1 }] });
    expect(unwrapped!.text).toHaveLength(text.length);
    expect(unwrapped!.text.indexOf('"id"')).toBe(text.indexOf('"id"'));
    expect(unwrapScript('/**/ api.callback([1, 2])')?.text.trim()).toBe("[1, 2]");
  });

  it("blanks an assignment (var, window.x, module.exports, export default), keeping line ends", () => {
    for (const opening of ["var data = ", "const rows=", "window.DATA = ", "module.exports = ", "export default "]) {
      const text = `${opening}[\n  {"id": 1},\n  {"id": 2}\n];\n`;
      const unwrapped = unwrapScript(text);
      expect(unwrapped?.wrapper).toBe("assignment");
      expect(JSON.parse(unwrapped!.text)).toEqual([{ id: 1 }, { id: 2 }]);
      expect(unwrapped!.text.split("\n").map((line) => line.length)).toEqual(text.split("\n").map((line) => line.length));
    }
  });

  it("finds the end of a long one", () => {
    const rows = Array.from({ length: 2000 }, (_, id) => ({ id, name: `row ${id}` }));
    const unwrapped = unwrapScript(`callback(${JSON.stringify(rows)});`);
    expect(JSON.parse(unwrapped!.text)).toEqual(rows);
  });

  it("leaves JSON, and text that is not JSON in a line of JavaScript, alone", () => {
    expect(unwrapScript('[{"id": 1}]')).toBeNull();
    expect(unwrapScript('{"a": 1}')).toBeNull();
    expect(unwrapScript("id,name\n1,a\n")).toBeNull();
    expect(unwrapScript("total = 3 + 4;")).toBeNull();
    expect(unwrapScript("f([1, 2]) + 1")).toBeNull();
    expect(opensWrappedJson("var data = [")).toBe(true);
    expect(opensWrappedJson("name,value\n")).toBe(false);
  });
});
