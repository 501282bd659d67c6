/*
 * The pane's first script: plain ES5 with no framework, so that every webview parses it,
 * Internet Explorer 11 included. It checks the engine against the build's floor
 * (scripts/engines.js, passed on the script tag) and either loads the pane's bundle or says, in
 * Chinese, why the pane cannot run here and what to use instead. Inside Word it also reports
 * the Word API sets the host offers. A separate file, because the page's CSP forbids inline
 * scripts. Microsoft asks add-ins to give Trident and EdgeHTML users "a graceful failure
 * message" (office-js-docs-pr, develop/support-ie-11.md).
 */
/* global window, document */
/* eslint-disable @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding */
(function () {
  "use strict";

  var OFFICE_WAIT_MS = 5000;
  var script = document.getElementById("nianbao-boot-script");
  if (!script) return;
  var target = script.getAttribute("data-target") || "office";
  var floor = parseInt(script.getAttribute("data-chromium") || "0", 10);
  var bundles = (script.getAttribute("data-bundle") || "").split(" ");

  var problem = engineProblem(navigator.userAgent || "", floor, window);
  if (!problem) {
    for (var i = 0; i < bundles.length; i++) {
      if (!bundles[i]) continue;
      var tag = document.createElement("script");
      tag.src = bundles[i];
      document.body.appendChild(tag);
    }
    return;
  }
  var box = showProblem(problem);
  if (target !== "wps") reportApiSets(box);

  /** What is wrong with this engine, or null when the bundle can run on it. */
  function engineProblem(ua, chromiumFloor, scope) {
    if (/Trident\/|MSIE /.test(ua))
      return {
        engine: "Internet Explorer 11（Trident）",
        why:
          "此 Word 用 Internet Explorer 11 内核显示加载项（Word 2016、Word 2019 批量许可版均如此，" +
          "与是否安装 Edge 无关），年报校核无法在其中运行。",
      };
    if (/Edge\/\d+/.test(ua))
      return {
        engine: "旧版 Microsoft Edge（EdgeHTML）",
        why:
          "此 Word 用旧版 Edge（EdgeHTML）内核显示加载项，年报校核无法在其中运行。" +
          "Word 2016/2019 零售版在安装 Microsoft Edge WebView2 运行时后改用新内核，安装后重新打开 Word 即可。",
      };
    var chrome = /Chrome\/(\d+)/.exec(ua);
    if (chrome && parseInt(chrome[1], 10) < chromiumFloor)
      return {
        engine: "Chromium " + chrome[1],
        why:
          "此环境的浏览器内核为 Chromium " +
          chrome[1] +
          "，年报校核需要 Chromium " +
          chromiumFloor +
          " 或更高版本。" +
          (target === "wps"
            ? "请将 WPS 升级到最新版本。"
            : "请更新 Microsoft Edge WebView2 运行时。"),
      };
    var firefox = /Firefox\/(\d+)/.exec(ua);
    if (firefox && parseInt(firefox[1], 10) < 91)
      return {
        engine: "Firefox " + firefox[1],
        why: "此浏览器版本过旧（需要 Firefox 91 或更高版本），请更新浏览器。",
      };
    // Safari and Word for Mac's WKWebView: BigInt arrived with Safari 14, the floor.
    if (!chrome && !firefox && /AppleWebKit\//.test(ua) && typeof scope.BigInt !== "function")
      return {
        engine: "Safari / WebKit（低于 Safari 14）",
        why: "此 Mac 的 Safari 内核低于 14，年报校核无法运行。请将 macOS 更新到 11 或更高版本（或将 Safari 更新到 14 或更高版本）。",
      };
    if (
      typeof scope.Promise !== "function" ||
      typeof scope.Symbol !== "function" ||
      typeof scope.Proxy !== "function"
    )
      return { engine: "未知的旧内核", why: "此环境的浏览器内核过旧，年报校核无法运行。" };
    return null;
  }

  function element(name, text) {
    var node = document.createElement(name);
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  function showProblem(found) {
    var root = document.getElementById("root");
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = element("div");
    box.className = "nianbao-boot";
    box.id = "nianbao-unsupported";
    box.setAttribute("role", "alert");
    box.appendChild(element("h2", "年报校核无法在此环境运行"));
    box.appendChild(element("p", found.why));
    box.appendChild(element("p", "当前内核：" + found.engine));
    box.appendChild(element("p", "可以改用："));
    var list = element("ul");
    list.appendChild(element("li", "WPS 文字：安装年报校核 WPS 加载项，功能完整；"));
    list.appendChild(
      element("li", "Microsoft 365 或 Word 2021 及以上版本（Word 2021 不能写批注）；")
    );
    list.appendChild(
      element(
        "li",
        "命令行：nianbao check 报告.docx --annotate 输出文件夹，生成标好问题单元格并附批注的副本，原文件不改动。"
      )
    );
    box.appendChild(list);
    box.appendChild(element("p", "浏览器标识：" + navigator.userAgent));
    root.appendChild(box);
    return box;
  }

  /** Inside Word, which of the API sets the pane relies on this Word offers. */
  function reportApiSets(box) {
    var office = window.Office;
    if (!office || typeof office.onReady !== "function") return;
    var done = false;
    var report = function (info) {
      if (done) return;
      done = true;
      if (!info || !info.host || !office.context || !office.context.requirements) return;
      var supports = function (version) {
        try {
          return office.context.requirements.isSetSupported("WordApi", version) === true;
        } catch (refused) {
          return false;
        }
      };
      box.appendChild(element("p", "此 Word 提供的接口："));
      var list = element("ul");
      list.appendChild(
        element("li", "WordApi 1.3（检查和标记所需）：" + (supports("1.3") ? "有" : "无"))
      );
      list.appendChild(
        element("li", "WordApi 1.4（批注、暂停修订所需）：" + (supports("1.4") ? "有" : "无"))
      );
      box.appendChild(list);
    };
    window.setTimeout(function () {
      report(null);
    }, OFFICE_WAIT_MS);
    try {
      office.onReady(report);
    } catch (refused) {
      report(null);
    }
  }
})();
