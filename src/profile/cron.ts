/** Time zone names a profile schedule may use (cron expressions are checked by src/contract/cron.ts). */

/** True when the runtime knows the IANA time zone name. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
