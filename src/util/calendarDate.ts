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
  if (day > 28 && day > daysInMonth(year, month)) return undefined;
  // Days from the civil date in integer arithmetic (H. Hinnant's days_from_civil), not two calls
  // of Date.UTC: the years run from March, so a leap day ends its year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
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
