export { buildPart, buildTemplate, PROSE_PLACEHOLDER, UNIT_PLACEHOLDER } from "./build";
export { table2Grid, table3Grid, table4Grid, tableGrid } from "./grids";
export type {
  TemplateBlock,
  TemplateCell,
  TemplateOptions,
  TemplatePart,
  TemplateRow,
  TemplateTable,
} from "./model";
export { templateDocx, templateFlatOpc, toDocx, toFlatOpc } from "./package";
