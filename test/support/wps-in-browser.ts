/**
 * Puts the fake WPS Application on a page before the pane loads, as WPS does, over the .docx
 * the test left in window.__nianbaoDocx (base64). The fake stays reachable as window.__wps.
 */
import { fakeWps } from "./fake-wps";

const scope = window as unknown as { __nianbaoDocx: string; __wps: unknown; Application: unknown };
const bytes = Uint8Array.from(atob(scope.__nianbaoDocx), (c) => c.charCodeAt(0));
const wps = fakeWps(bytes);
scope.__wps = wps;
scope.Application = wps.application;
