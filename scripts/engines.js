// The engines each build must run on, in one place: webpack and babel compile to them, the
// start-up script (src/taskpane/boot.js) refuses anything older with a message, and
// test/browser/engines.test.ts checks every shipped script against them.
//
// Word pane (dist/web, and the demo): Word on Windows uses WebView2, an evergreen Chromium
// (Microsoft 365, retail Office 2016/2019 where WebView2 is installed, Office 2021 and later);
// Word on Mac uses the system's WKWebView, i.e. Safari; Word on the web runs in current
// browsers. Sources: office-js-docs-pr, concepts/browsers-used-by-office-web-add-ins.md and
// develop/support-ie-11.md. Safari 14 (macOS 11, and 10.15 by update) is the oldest WebKit of
// the macOS versions Office LTSC 2021 for Mac and later support.
//
// WPS pane and ribbon (dist/wps): Kingsoft documents the add-in engine only as "Chromium-based"
// (open.wps.cn, WPS 加载项开发说明), with no version. Kingsoft's own toolkit builds its add-in
// templates with Vite 5 defaults (wpsjs 2.2.3, packages/@wps-jsapi/*_react|_vue: vite ^5.3.1,
// no build.target, i.e. Chrome 87), so a WPS that runs Kingsoft's templates runs Chrome 87
// code. We compile for Chrome 69, eighteen versions below that, the oldest floor the project
// accepts; boot.js says so on anything older and asks to update WPS.
"use strict";

const ENGINES = {
  office: {
    browsers: ["chrome 87", "edge 87", "firefox 91", "safari 14", "ios_saf 14"],
    /** The newest ECMAScript edition whose syntax every browser above parses. */
    ecmaVersion: 2021,
    /** The oldest Chromium boot.js lets through (Safari is checked by feature). */
    chromium: 87,
  },
  wps: { browsers: ["chrome 69"], ecmaVersion: 2019, chromium: 69 },
};
ENGINES.demo = ENGINES.office;

module.exports = { ENGINES };
