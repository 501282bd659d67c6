import { addExact, parseCellValue } from "./numbers";

describe("cell figures", () => {
  it.each([
    ["12", 12],
    ["１２", 12],
    [" 12 ", 12],
    ["1,234", 1234],
    ["1，234", 1234],
    ["12件", 12],
    ["0", 0],
    ["-0", 0],
  ])("reads the count %s as %d", (text, value) => {
    expect(parseCellValue(text, "count")).toEqual({ kind: "number", value });
  });

  it.each(["", "　", "—", "——", "-", "/", "／", "无", "\n"])("reads %j as blank", (text) => {
    expect(parseCellValue(text, "count")).toEqual({ kind: "blank" });
  });

  it.each([
    ["-3", "negative"],
    ["1.5", "fraction"],
    ["十二", "text"],
    ["12件左右", "text"],
    ["1,23", "text"],
  ])("rejects the count %s (%s)", (text, reason) => {
    expect(parseCellValue(text, "count")).toEqual({ kind: "invalid", reason });
  });

  it("allows decimals and 万元 only for amounts", () => {
    expect(parseCellValue("0.35", "amount")).toEqual({ kind: "number", value: 0.35 });
    expect(parseCellValue("1.2万元", "amount")).toEqual({ kind: "number", value: 1.2 });
    expect(parseCellValue("0.35", "count")).toEqual({ kind: "invalid", reason: "fraction" });
  });

  it("allows negatives only for signed figures (2019: 本年增/减)", () => {
    expect(parseCellValue("-8", "signed")).toEqual({ kind: "number", value: -8 });
    expect(parseCellValue("+8", "signed")).toEqual({ kind: "number", value: 8 });
  });

  it("adds decimal amounts without floating-point noise", () => {
    expect(addExact([0.1, 0.2])).toBe(0.3);
  });
});
