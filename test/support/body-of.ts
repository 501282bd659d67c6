/** The body of a document.xml, to put several reports into one document in tests. */
export function bodyOf(documentXml: string): string {
  const start = documentXml.indexOf("<w:body>") + "<w:body>".length;
  return documentXml.slice(start, documentXml.indexOf("<w:sectPr"));
}
