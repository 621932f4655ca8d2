/**
 * The tenant name from what was typed or pasted: `acme`, `acme.infopluswms.com` and
 * `https://acme.infopluswms.com/infoplus-wms/api` all mean `acme`. Anything else is returned trimmed, as typed.
 */
export function tenantOf(input: string): string {
  const host = input
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();
  const m = /^([a-z0-9][a-z0-9-]*)\.infopluswms\.com\.?$/.exec(host);
  return m ? m[1]! : input.trim();
}
