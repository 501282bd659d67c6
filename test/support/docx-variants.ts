/**
 * Packages shaped the way real files are but our own builder does not write them: self-closing
 * paragraphs (Word's empty paragraphs and cells), cells with tracked formatting changes, and
 * comments parts that are self-closing, use another prefix or live under another name.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const COMMENTS_CONTENT =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

type Files = Record<string, Uint8Array>;

function edit(bytes: Uint8Array, change: (files: Files) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

function editPart(files: Files, name: string, change: (xml: string) => string): void {
  files[name] = strToU8(change(strFromU8(files[name] as Uint8Array)));
}

/** Every empty paragraph written as <w:p/>, as Word does, plus one opening the body. */
export function selfClosingParagraphs(bytes: Uint8Array): Uint8Array {
  return edit(bytes, (files) =>
    editPart(files, "word/document.xml", (xml) =>
      xml.replace(/<w:p><\/w:p>/g, "<w:p/>").replace("<w:body>", "<w:body><w:p/>"),
    ),
  );
}

/**
 * Every cell with borders, no-wrap, a vertical alignment and a tracked formatting change whose
 * earlier properties had a green shading: the shading we add belongs between w:tcBorders and
 * w:noWrap, never in the revision record.
 */
export const EARLIER_FILL = "00B050";
export function trackedCellFormatting(bytes: Uint8Array): Uint8Array {
  let id = 900;
  const extra = () =>
    `<w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tcBorders>` +
    `<w:noWrap/><w:vAlign w:val="center"/>` +
    `<w:tcPrChange w:id="${id++}" w:author="张三" w:date="2024-03-01T10:00:00Z"><w:tcPr>` +
    `<w:shd w:val="clear" w:color="auto" w:fill="${EARLIER_FILL}"/></w:tcPr></w:tcPrChange>`;
  return edit(bytes, (files) =>
    editPart(files, "word/document.xml", (xml) =>
      xml
        .replace(/<w:tc><w:tcPr>((?:(?!<\/w:tcPr>).)*)<\/w:tcPr>/g, (_, inner: string) => {
          // Children in schema order: w:vAlign comes after the ones we add before it.
          return `<w:tc><w:tcPr>${inner.replace(/<w:vAlign\b[^>]*\/>/, "")}${extra()}</w:tcPr>`;
        })
        .replace(/<w:tc>(?!<w:tcPr>)/g, () => `<w:tc><w:tcPr>${extra()}</w:tcPr>`),
    ),
  );
}

/**
 * The author's own comment on the first paragraph (id 0) and a comments part, related from
 * the document as `target` and stored as `part`, whose XML `commentsXml` returns.
 */
export function withAuthorComments(
  bytes: Uint8Array,
  options: { target: string; part: string; commentsXml: string; related?: boolean },
): Uint8Array {
  return edit(bytes, (files) => {
    editPart(files, "word/document.xml", (xml) =>
      xml.replace(
        /(<w:body>(?:<w:p\/>)?<w:p>(?:<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>)?)((?:(?!<\/w:p>).)*)<\/w:p>/,
        (_, start: string, content: string) =>
          `${start}<w:commentRangeStart w:id="0"/>${content}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
      ),
    );
    files[options.part] = strToU8(options.commentsXml);
    if (options.related !== false)
      files["word/_rels/document.xml.rels"] = strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId7" Type="${REL}/comments" Target="${options.target}"/></Relationships>`,
      );
    editPart(files, "[Content_Types].xml", (xml) =>
      xml.replace(
        "</Types>",
        `<Override PartName="/${options.part}" ContentType="${COMMENTS_CONTENT}"/></Types>`,
      ),
    );
  });
}

export const AUTHOR_COMMENT = (prefix: string) =>
  `<${prefix}:comment ${prefix}:id="0" ${prefix}:author="张三" ${prefix}:date="2024-03-01T10:00:00Z"><${prefix}:p><${prefix}:r><${prefix}:t>原有批注</${prefix}:t></${prefix}:r></${prefix}:p></${prefix}:comment>`;

/** The unusual comments parts, each with the document that relates to it. */
export function unusualCommentParts(bytes: Uint8Array): [string, Uint8Array][] {
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  return [
    [
      "a self-closing comments part",
      // No author comment: the part is empty, so the reference on the first paragraph goes.
      edit(bytes, (files) => {
        files["word/comments.xml"] = strToU8(`${declaration}<w:comments xmlns:w="${W}"/>`);
        files["word/_rels/document.xml.rels"] = strToU8(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId7" Type="${REL}/comments" Target="comments.xml"/></Relationships>`,
        );
        editPart(files, "[Content_Types].xml", (xml) =>
          xml.replace(
            "</Types>",
            `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_CONTENT}"/></Types>`,
          ),
        );
      }),
    ],
    [
      "a comments part with another prefix",
      withAuthorComments(bytes, {
        target: "comments.xml",
        part: "word/comments.xml",
        commentsXml: `${declaration}<c:comments xmlns:c="${W}">${AUTHOR_COMMENT("c")}</c:comments>`,
      }),
    ],
    [
      "a comments part named comments1.xml",
      withAuthorComments(bytes, {
        target: "comments1.xml",
        part: "word/comments1.xml",
        commentsXml: `${declaration}<w:comments xmlns:w="${W}">${AUTHOR_COMMENT("w")}</w:comments>`,
      }),
    ],
    [
      "a comments part in another folder",
      withAuthorComments(bytes, {
        target: "../notes/remarks.xml",
        part: "notes/remarks.xml",
        commentsXml: `${declaration}<w:comments xmlns:w="${W}">${AUTHOR_COMMENT("w")}</w:comments>`,
      }),
    ],
    [
      "an unrelated word/comments.xml",
      edit(bytes, (files) => {
        files["word/comments.xml"] = strToU8(
          `${declaration}<w:comments xmlns:w="${W}">${AUTHOR_COMMENT("w")}</w:comments>`,
        );
      }),
    ],
  ];
}

/**
 * Our builder leaves out what Word always writes and the schema requires (w:tblPr before the
 * grid): added here, so that a built document starts with no violation of its own.
 */
export function schemaComplete(bytes: Uint8Array): Uint8Array {
  return edit(bytes, (files) =>
    editPart(files, "word/document.xml", (xml) =>
      xml.replace(
        /<w:tbl><w:tblGrid>/g,
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>',
      ),
    ),
  );
}
