import { describe, expect, it } from "vitest";
import { AttributeValue, Name, Text, Topics } from "./fields.js";

describe("text fields", () => {
  it.each([
    "Ana",
    "Jansen, Ada",
    "Clinic\r\nNorth",
    "tab\tseparated",
    "中文 é ß 👩‍🏫",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "'; DROP TABLE events; --",
  ])("take %j", (text) => {
    for (const field of [Name, Text, AttributeValue]) expect(field.safeParse(text).success).toBe(true);
    expect(Topics.safeParse([text]).success).toBe(true);
  });

  it.each([
    ["a NUL", "Ana\u0000"],
    ["an escape sequence", "\u001b[31mred"],
    ["DEL", "Ana\u007f"],
    ["a C1 control", "Ana\u0085"],
    ["half a surrogate pair", "Ana\ud800"],
    ["the other half", "\udc00Ana"],
  ])("refuse %s", (_, text) => {
    for (const field of [Name, Text, AttributeValue]) expect(field.safeParse(text).success).toBe(false);
    expect(Topics.safeParse([text]).success).toBe(false);
  });
});
