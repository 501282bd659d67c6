/**
 * 公文 typesetting (GB/T 9704 conventions): A4, 天头 37 mm, 订口 28 mm; title 2号小标宋,
 * 一、 3号黑体, （一） 3号楷体, body 3号仿宋 at a fixed 28 pt line; tables smaller so they fit
 * the 156 mm text block. Sizes are half-points, lengths twips (1 cm = 567).
 */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 2098,
  marginBottom: 1984,
  marginLeft: 1588,
  marginRight: 1474,
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

export interface FontSpec {
  /** East Asian font as 公文 name it. */
  eastAsia: string;
  /** What Word and WPS should use when the machine lacks it. */
  fallback: string;
  size: number;
}

export const FONTS = {
  title: { eastAsia: "方正小标宋简体", fallback: "宋体", size: 44 },
  heading1: { eastAsia: "黑体", fallback: "SimHei", size: 32 },
  heading2: { eastAsia: "楷体_GB2312", fallback: "楷体", size: 32 },
  body: { eastAsia: "仿宋_GB2312", fallback: "仿宋", size: 32 },
  table: { eastAsia: "仿宋_GB2312", fallback: "仿宋", size: 21 },
} as const satisfies Record<string, FontSpec>;

/** Digits and Latin text in reports are customarily Times New Roman. */
export const LATIN_FONT = "Times New Roman";

/** Fixed line spacing of body text: 28 pt. */
export const BODY_LINE = 560;

/** Table 四 has 15 data columns: 小五 keeps each head to two lines in a portrait page. */
export const TABLE4_FONT_SIZE = 18;

/** Substitutes declared in the font table (w:altName), for machines without 公文 fonts. */
export const FONT_FALLBACKS: { name: string; altName: string }[] = [
  { name: "方正小标宋简体", altName: "宋体" },
  { name: "仿宋_GB2312", altName: "仿宋" },
  { name: "楷体_GB2312", altName: "楷体" },
  { name: "黑体", altName: "SimHei" },
];
