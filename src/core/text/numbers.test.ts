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

  it.each([
    ["22（其中修订16件）", 22, "其中修订16件"],
    ["55（含自然失效29件）", 55, "含自然失效29件"],
    ["3(其中2件已办结)", 3, "其中2件已办结"],
    ["22件（其中修订 16 件）", 22, "其中修订 16 件"],
    [" 8 【包括转办3件】", 8, "包括转办3件"],
    ["12（另有2件不予受理）件", 12, "另有2件不予受理"],
    ["1,234（其中线上1,000）", 1234, "其中线上1,000"],
    ["4\n（含上年结转1件）", 4, "含上年结转1件"],
  ])("reads %j as the figure %d with the note %j", (text, value, note) => {
    expect(parseCellValue(text, "count")).toEqual({ kind: "number", value, note });
  });

  it("reads a bracket that holds only a unit as no note", () => {
    expect(parseCellValue("1.2（万元）", "amount")).toEqual({ kind: "number", value: 1.2 });
    expect(parseCellValue("5(件)", "count")).toEqual({ kind: "number", value: 5 });
  });

  it.each([
    ["22 16", "text"],
    ["22、16", "text"],
    ["22\n16", "text"],
    ["22　16（其中修订16件）", "text"],
    ["（其中修订16件）22", "text"],
    ["22（其中）16", "text"],
    ["22（）", "text"],
    ["十二（其中修订3件）", "text"],
    ["-3（更正）", "negative"],
    ["1.5（约）", "fraction"],
  ])("still rejects %j (%s): two figures, or no figure before the note", (text, reason) => {
    expect(parseCellValue(text, "count")).toEqual({ kind: "invalid", reason });
  });

  it("adds decimal amounts without floating-point noise", () => {
    expect(addExact([0.1, 0.2])).toBe(0.3);
  });
});
