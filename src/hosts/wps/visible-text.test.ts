import { cellText, stripCellMarks, visibleText } from "./visible-text";
import type { WpsRange } from "./wps-api";

/** A range over characters, each hidden or not, with the members a build may lack. */
function range(
  chars: [string, boolean][],
  has: { font?: boolean | "throws"; mode?: "honoured" | "ignored" } = {},
): WpsRange {
  let include = true;
  const all = chars.map(([c]) => c).join("");
  const hiddenValue = () =>
    chars.every(([, h]) => h) ? -1 : chars.some(([, h]) => h) ? 9999999 : 0;
  return {
    get Text() {
      return include ? all : chars.flatMap(([c, h]) => (h ? [] : [c])).join("");
    },
    get Font() {
      if (has.font === "throws") throw new Error("no Font");
      return has.font === false ? undefined : { Hidden: hiddenValue() };
    },
    get TextRetrievalMode() {
      if (!has.mode) return undefined;
      return {
        get IncludeHiddenText() {
          return include;
        },
        set IncludeHiddenText(on: boolean) {
          if (has.mode === "honoured") include = on;
        },
      };
    },
    get Characters() {
      const items = chars.map((c) => range([c], { font: true }));
      return { Count: items.length, Item: (i: number) => items[i - 1] as WpsRange };
    },
  } as unknown as WpsRange;
}

const SIX_HIDDEN_TWO_THREE: [string, boolean][] = [
  ["6", false],
  ["2", true],
  ["3", false],
  ["\r", false],
];

describe("visibleText", () => {
  it("takes the text as it is when Font.Hidden says nothing is hidden", () => {
    expect(
      visibleText(
        range(
          [
            ["6", false],
            ["3", false],
          ],
          { mode: "honoured" },
        ),
      ),
    ).toBe("63");
  });

  it("gives no text when everything is hidden", () => {
    expect(visibleText(range([["2", true]], { mode: "honoured" }))).toBe("");
  });

  it("switches IncludeHiddenText off for a mix", () => {
    expect(visibleText(range(SIX_HIDDEN_TWO_THREE, { mode: "honoured" }))).toBe("63\r");
  });

  it("reads the visible characters when WPS ignores IncludeHiddenText, or has none", () => {
    expect(visibleText(range(SIX_HIDDEN_TWO_THREE, { mode: "ignored" }))).toBe("63\r");
    expect(visibleText(range(SIX_HIDDEN_TWO_THREE))).toBe("63\r");
  });

  it("without Font.Hidden, switches IncludeHiddenText off where it can, else keeps the text", () => {
    expect(visibleText(range(SIX_HIDDEN_TWO_THREE, { font: false, mode: "honoured" }))).toBe(
      "63\r",
    );
    expect(visibleText(range(SIX_HIDDEN_TWO_THREE, { font: "throws", mode: "honoured" }))).toBe(
      "63\r",
    );
    expect(visibleText(range(SIX_HIDDEN_TWO_THREE, { font: false }))).toBe("623\r");
  });

  it("gives a cell's text without its marks", () => {
    expect(cellText(range([...SIX_HIDDEN_TWO_THREE, ["\x07", false]], { mode: "honoured" }))).toBe(
      "63",
    );
    expect(stripCellMarks("一\r二\r\x07")).toBe("一\n二");
  });
});
