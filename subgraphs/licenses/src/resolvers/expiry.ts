// Expiry is derived, never stored: a licence valid until D is still valid on D (in
// China's time zone, whatever the server's) and expired from the next day on.
const SHANGHAI_DAY = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Asia/Shanghai as "YYYY-MM-DD". */
export function shanghaiToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(SHANGHAI_DAY.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** validUntil null = long-term (长期): never expires. */
export function isExpired(validUntil: string | null, now: Date = new Date()): boolean {
  return validUntil !== null && validUntil < shanghaiToday(now);
}
