/**
 * Elements whose whole content is not body text, for the annotation locator, which counts
 * body paragraphs and cells as the reader does. The reader itself reads mc:Fallback when no
 * Choice applies (text only reaches the body from there in a text box, which the locator also
 * skips), looks into w:sdtPr for w:showingPlcHdr, and takes tables out of w:txbxContent.
 */
export const SKIPPED = [
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:instrText",
  "w:delInstrText",
  "mc:Fallback",
  "w:txbxContent",
  "w:sdtPr",
  "w:sdtEndPr",
  "w:pPrChange",
  "w:rPrChange",
  "w:tblPrChange",
  "w:trPrChange",
  "w:tcPrChange",
  "w:sectPrChange",
  "w:footnoteReference",
  "w:endnoteReference",
  "w:fldData",
];
