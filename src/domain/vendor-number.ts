/**
 * The rule of stable vendor numbers (resolve: vendorNumber): Infoplus vendorNo is an int, so an ERP vendor code
 * that is a plain whole number below FIRST_VENDOR_NUMBER is sent as it is, and every other code gets a number
 * from FIRST_VENDOR_NUMBER up, kept in the state database (src/store/vendor-number-repo.ts).
 */

/** Assigned vendor numbers start here, above the ERP codes that are sent as they are. */
export const FIRST_VENDOR_NUMBER = 1_000_000;

/** Whether an ERP vendor code is sent as its own number: canonical integer text below FIRST_VENDOR_NUMBER. */
export function isPlainVendorNo(code: string): boolean {
  return /^(0|[1-9]\d{0,6})$/.test(code) && Number(code) < FIRST_VENDOR_NUMBER;
}
