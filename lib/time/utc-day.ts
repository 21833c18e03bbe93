// The daily quota resets at UTC midnight for everyone, so the server's counter and the browser's credit record
// name a day the same way: its UTC date, "2026-11-29".
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
