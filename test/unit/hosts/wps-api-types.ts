/**
 * Compile-time check, run by `tsc --noEmit -p .`: Kingsoft's published typings of the WPS 文字
 * JSAPI (npm wps-jsapi-declare) fit our structural interfaces in src/hosts/wps/wps-api.ts, so
 * the adapter calls only members WPS declares, with the types it declares. A line fails to
 * compile when a member we use is missing from WPS's declared object model or has another type.
 * Only the namespaces are referenced (lib.wps.d.ts, which brings lib.kso.d.ts): index.d.ts
 * declares the globals Application and window.Application, which must not leak into our code.
 *
 * Not checked, because the typings declare them only in index.d.ts (WPS.AddonRoot, next to the
 * globals): Application.PluginStorage (there getItem returns string and setItem takes
 * number | boolean | string), CreateTaskPane and GetTaskPane (there it takes a number id).
 * Where ours is looser than the typings, on purpose: Paragraph.Next() may give null (VBA gives
 * Nothing after the last paragraph), Range.TopLevelTables and Application.UndoRecord are
 * optional (used only when present; host-audit §4 #7).
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- global namespaces, no module to import
/// <reference path="../../../node_modules/wps-jsapi-declare/lib.wps.d.ts" />
import type {
  WpsApplication,
  WpsCell,
  WpsComment,
  WpsComments,
  WpsCustomXmlPart,
  WpsCustomXmlParts,
  WpsDocument,
  WpsParagraph,
  WpsParagraphs,
  WpsRange,
  WpsSelection,
  WpsShading,
  WpsTable,
  WpsTables,
} from "../../../src/hosts/wps/wps-api";

/** Compiles only when a value of type A can be used where B is expected. */
const fits =
  <B>() =>
  <A extends B>(value: A): B =>
    value;

const declared = <T>() => null as unknown as T;

export const kingsoftTypingsFitOurs = {
  application:
    fits<Omit<WpsApplication, "PluginStorage" | "CreateTaskPane" | "GetTaskPane">>()(
      declared<Wps.Application>(),
    ),
  document: fits<WpsDocument>()(declared<Wps.Document>()),
  selection: fits<WpsSelection>()(declared<Wps.Selection>()),
  range: fits<WpsRange>()(declared<Wps.Range>()),
  tables: fits<WpsTables>()(declared<Wps.Tables>()),
  table: fits<WpsTable>()(declared<Wps.Table>()),
  cell: fits<WpsCell>()(declared<Wps.Cell>()),
  shading: fits<WpsShading>()(declared<Wps.Shading>()),
  paragraphs: fits<WpsParagraphs>()(declared<Wps.Paragraphs>()),
  paragraph: fits<WpsParagraph>()(declared<Wps.Paragraph>()),
  comments: fits<WpsComments>()(declared<Wps.Comments>()),
  comment: fits<WpsComment>()(declared<Wps.Comment>()),
  customXmlParts: fits<WpsCustomXmlParts>()(declared<Kso.CustomXMLParts>()),
  customXmlPart: fits<WpsCustomXmlPart>()(declared<Kso.CustomXMLPart>()),
};
