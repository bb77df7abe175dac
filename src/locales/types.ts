/** The status messages every locale provides. */
export interface StatusMessages {
  pass: string;
  passQuantity: string;
  failPrefix: string;
  unknown: string;
  notInForce: string;
  conditionNotMet: string;
  listSeparator: string;
}

/** Fills `{name}` placeholders; unknown names are left as they are so a typo shows. */
export function render(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** Quantities as a person reads them: no float noise, at most two decimals. */
export function formatQuantity(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return String(Math.round(value * 100) / 100);
}
