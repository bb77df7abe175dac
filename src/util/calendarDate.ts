/**
 * Calendar arithmetic on dates written `YYYY-MM-DD`, without building a Date: the derived facts
 * (src/engine/derivedFacts.ts) compare milestone dates and read years with it. No law is in here.
 */

/**
 * A calendar date written `YYYY-MM-DD` read without parsing it into a Date: its day number (days
 * since 1970-01-01, proleptic Gregorian, as Date counts them), or undefined for any other string, an
 * impossible date (2023-02-29) or a year before 100 (which Date.UTC would read as 19xx).
 */
export function dayNumber(date: string): number | undefined {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return undefined;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  // Past the month's last day, Date.UTC runs on into the next month.
  return time < Date.UTC(year, month, 1) ? time / 864e5 : undefined;
}

/** The decimal number written at `date[from, to)`, or -1 when a character there is no digit. */
export function digits(date: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
