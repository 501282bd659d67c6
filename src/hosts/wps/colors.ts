/**
 * WPS gives and takes colors as VBA's WdColor: a BGR integer, wdColorAutomatic (-16777216)
 * for none. The snapshot and the ledger hold #RRGGBB, null for none.
 */
import { WD_COLOR_AUTOMATIC } from "./wps-api";

export function toBgr(hex: string): number {
  const rgb = parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

export function fromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}

/** A cell's shading as WPS sets it. */
export function shadingToWps(shading: string | null): number {
  return shading === null ? WD_COLOR_AUTOMATIC : toBgr(shading);
}

/** A cell's shading as WPS gives it, as the snapshot holds it. */
export function shadingFromWps(color: number): string | null {
  return color === WD_COLOR_AUTOMATIC ? null : fromBgr(color);
}
