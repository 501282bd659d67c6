"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkReport = checkReport;
exports.findingsOf = findingsOf;
exports.locations = locations;
const core_1 = require("../../src/core");
const read_document_1 = require("../../src/core/ooxml/read-document");
const docx_builder_1 = require("./docx-builder");
function checkReport(options = {}, checkOptions = {}) {
  return (0, core_1.check)(
    (0, read_document_1.readDocument)((0, docx_builder_1.statutoryReport)(options)),
    checkOptions,
  );
}
function findingsOf(result, rule) {
  return result.findings.filter((f) => f.rule === rule);
}
function locations(findings) {
  return findings.map((f) => JSON.stringify(f.location));
}
//# sourceMappingURL=check-helpers.js.map
