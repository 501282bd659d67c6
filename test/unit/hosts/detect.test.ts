import { detectHost, insideOffice, OFFICE_READY_TIMEOUT_MS } from "../../../src/hosts/detect";
import { fakeWps } from "../../support/fake-wps";
import { docx, statutoryReport } from "../../support/docx-builder";
import { officeIsDark } from "../../../src/hosts/word/office-host";

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

describe("host detection inside a host it cannot reach", () => {
  const WORD_QUERY = "?_host_Info=Word$Win32$16.01$zh-CN$$$$0";

  it("knows Word opened the page when office.js is missing: _host_Info, storage, window.name", async () => {
    expect(await detectHost({ location: { search: WORD_QUERY } })).toEqual({
      kind: "office-missing",
    });
    const stored = { getItem: (key: string) => (key === "hostInfoValue" ? "Word|Win32" : null) };
    expect(await detectHost({ location: { search: "" }, sessionStorage: stored })).toEqual({
      kind: "office-missing",
    });
    expect(await detectHost({ name: JSON.stringify({ hostInfo: "Word|Web|16.00" }) })).toEqual({
      kind: "office-missing",
    });
    // A plain browser: no host information anywhere.
    const plain = {
      location: { search: "?x=1" },
      name: "",
      sessionStorage: { getItem: () => null },
    };
    expect(insideOffice(plain)).toBe(false);
    expect(await detectHost(plain)).toEqual({ kind: "none" });
    expect(insideOffice({ external: { GetHostInfo: () => "Word" } })).toBe(true);
  });

  it("gives up on an Office.onReady that never settles, after the time limit", async () => {
    jest.useFakeTimers();
    try {
      const stuck = { ...office("Word", ["1.3"]), onReady: () => new Promise<never>(() => {}) };
      const detected = detectHost({ Office: stuck, Word: word });
      await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
      let settled = false;
      void detected.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(await detected).toEqual({ kind: "office-timeout", seconds: 10 });
    } finally {
      jest.useRealTimers();
    }
  });

  it("in the WPS build, waits a bounded time for WPS's Application object", async () => {
    jest.useFakeTimers();
    try {
      const scope: Record<string, unknown> = {};
      const late = detectHost(scope, { build: "wps", wpsWaitMs: 3000 });
      await jest.advanceTimersByTimeAsync(500);
      scope.Application = fakeWps(docx(statutoryReport())).application;
      await jest.advanceTimersByTimeAsync(100);
      const found = await late;
      expect(found.kind === "host" && found.host.name).toBe("wps");

      const never = detectHost({}, { build: "wps", wpsWaitMs: 3000 });
      await jest.advanceTimersByTimeAsync(3100);
      expect(await never).toEqual({ kind: "wps-missing" });
    } finally {
      jest.useRealTimers();
    }
  });

  it("outside the WPS build, a page without Application is not taken for WPS", async () => {
    expect(await detectHost({}, { build: "office" })).toEqual({ kind: "none" });
  });
});
