import { displayWidth, wrapText } from "./display-width";

describe("display width", () => {
  it("counts CJK and full-width forms two columns, colour codes none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("年报校核")).toBe(8);
    expect(displayWidth("（可选）")).toBe(8);
    expect(displayWidth("\u001b[31m错误\u001b[39m")).toBe(4);
    expect(displayWidth("“单位”")).toBe(6);
  });

  it("wraps Chinese between characters, never starting a line with closing punctuation", () => {
    const lines = wrapText("上年度报告：一个文件，或按单位名称自动对应的文件夹", 20).split("\n");
    expect(lines.every((line) => displayWidth(line) <= 20)).toBe(true);
    expect(lines.join("")).toBe("上年度报告：一个文件，或按单位名称自动对应的文件夹");
    expect(lines.some((line) => /^[，。、；：）]/.test(line))).toBe(false);
    expect(wrapText("text json csv", 9)).toBe("text json\ncsv");
  });
});
