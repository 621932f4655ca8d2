/** Product version shown by `--version`, the status API and the About box. */
export const PRODUCT_VERSION = '0.1.0';
