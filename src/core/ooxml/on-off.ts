/** An ST_OnOff property: on when the attribute is absent or says so. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !(value === "0" || value === "false" || value === "off");
}
