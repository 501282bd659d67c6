import { detectHost } from "../../src/hosts/detect";
import { officeIsDark } from "../../src/hosts/word/office-host";

const commonParts = {
  getByNamespaceAsync: () => undefined,
  addAsync: () => undefined,
};

/** sets: WordApi versions, or "CustomXmlParts" for the Common API's parts. */
const office = (host: string | null, sets: string[], background = "#FFFFFF") => ({
  onReady: () => Promise.resolve({ host }),
  HostType: { Word: "Word" },
  context: {
    requirements: {
      isSetSupported: (name: string, version: string) =>
        name === "WordApi" ? sets.includes(version) : sets.includes(name),
    },
    officeTheme: { bodyBackgroundColor: background },
    document: { customXmlParts: commonParts },
  },
});
const word = { run: () => Promise.reject(new Error("not used")) };

describe("host detection", () => {
  it("finds Word with WordApi 1.3, and the Word host's capabilities follow 1.4", async () => {
    const detected = await detectHost({ Office: office("Word", ["1.3"]), Word: word });
    expect(detected.kind).toBe("host");
    if (detected.kind !== "host") return;
    expect(detected.host.name).toBe("word");
    expect(detected.host.capabilities).toEqual({
      comments: false,
      documentStorage: false,
      pausesTracking: false,
    });
    const word2021 = await detectHost({
      Office: office("Word", ["1.3", "CustomXmlParts"]),
      Word: word,
    });
    expect(word2021.kind === "host" && word2021.host.capabilities).toEqual({
      comments: false,
      documentStorage: true,
      pausesTracking: false,
    });
    const modern = await detectHost({ Office: office("Word", ["1.3", "1.4"]), Word: word });
    expect(modern.kind === "host" && modern.host.capabilities).toEqual({
      comments: true,
      documentStorage: true,
      pausesTracking: true,
    });
  });

  it("calls a Word older than WordApi 1.3 unsupported", async () => {
    expect(await detectHost({ Office: office("Word", []), Word: word })).toEqual({
      kind: "unsupported",
    });
  });

  it("finds no host in a plain browser, or when office.js runs outside Word", async () => {
    expect(await detectHost({})).toEqual({ kind: "none" });
    expect(await detectHost({ Office: office(null, ["1.3"]) })).toEqual({ kind: "none" });
  });

  it("follows Office's dark theme", () => {
    expect(officeIsDark(office("Word", [], "#262626") as never)).toBe(true);
    expect(officeIsDark(office("Word", [], "#FFFFFF") as never)).toBe(false);
    expect(officeIsDark(office("Word", [], "") as never)).toBe(false);
  });
});
