import { describe, expect, it } from "vitest";
import { allowListOf, frameMessageSchema, hostMessageSchema, MAX_MESSAGE_CHARS, originAllowed, readMessage } from "./protocol";

describe("readMessage", () => {
  it("reads a well-formed message of this version, with its defaults", () => {
    expect(readMessage(hostMessageSchema, { stages: 1, type: "open", schema: { fields: [] } })).toEqual({
      ok: true,
      message: { stages: 1, type: "open", schema: { fields: [] }, theme: "auto", format: "csv", invalidRows: "reject", sendRejected: false },
    });
    expect(readMessage(frameMessageSchema, { stages: 1, type: "chunk", seq: 0, data: "a,b\n" })).toMatchObject({ ok: true, message: { part: "final" } });
    expect(readMessage(frameMessageSchema, { stages: 1, type: "chunk", seq: 1, data: new Uint8Array(256 * 1024) })).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(readMessage(frameMessageSchema, { stages: 1, type: "chunk", seq: 2, data: new Uint8Array(MAX_MESSAGE_CHARS + 1) })).toMatchObject({ ok: false, reason: expect.stringContaining("too large") });
    expect(readMessage(frameMessageSchema, { stages: 1, type: "chunk", seq: 3, data: [1, 2] })).toMatchObject({ ok: false, reason: expect.stringContaining("malformed") });
    expect(readMessage(hostMessageSchema, { stages: 1, type: "open", schema: {}, format: "arrow" })).toMatchObject({ ok: true, message: { format: "arrow" } });
    expect(readMessage(hostMessageSchema, { stages: 1, type: "open", schema: {}, formats: [] })).toMatchObject({ ok: false, reason: expect.stringContaining("formats") });
  });

  it("refuses, saying why, what is not a Stages message, another version, malformed or too large", () => {
    expect(readMessage(hostMessageSchema, "hello")).toEqual({ ok: false, reason: "The message is not a Stages message." });
    expect(readMessage(hostMessageSchema, { stages: 2, type: "open" })).toMatchObject({ ok: false, reason: expect.stringContaining("version 2") });
    expect(readMessage(hostMessageSchema, { stages: 1, type: "open", schema: {}, format: "xml" })).toMatchObject({ ok: false, reason: expect.stringContaining("format") });
    expect(readMessage(hostMessageSchema, { stages: 1, type: "teleport" })).toMatchObject({ ok: false, reason: expect.stringContaining("malformed") });
    expect(readMessage(hostMessageSchema, { stages: 1, type: "open", schema: "x".repeat(MAX_MESSAGE_CHARS) })).toMatchObject({ ok: false, reason: expect.stringContaining("too large") });
    const loop: Record<string, unknown> = { stages: 1 };
    loop.self = loop;
    expect(readMessage(hostMessageSchema, loop)).toEqual({ ok: false, reason: "The message cannot be read as data." });
  });
});

describe("origins", () => {
  it("allows exactly the origins of the build's list: scheme, host and port", () => {
    const allowed = allowListOf(" https://app.example.org, http://localhost:8080 ,not an origin, https://x.org/path");
    expect(allowed).toEqual(["https://app.example.org", "http://localhost:8080"]);
    expect(originAllowed("https://app.example.org", allowed)).toBe(true);
    expect(originAllowed("http://app.example.org", allowed)).toBe(false);
    expect(originAllowed("https://app.example.org.evil.test", allowed)).toBe(false);
    expect(originAllowed("http://localhost:8081", allowed)).toBe(false);
    expect(allowListOf(undefined)).toEqual([]);
  });
});
