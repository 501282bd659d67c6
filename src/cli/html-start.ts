import { HTML } from "./report-strings";

/** The start of every HTML report, up to its title: how an earlier report of ours is known. */
export const HTML_REPORT_START = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${HTML.title}</title>
`;
