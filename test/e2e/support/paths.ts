import { join } from 'node:path';

/** The repository root. */
export const REPO = join(import.meta.dirname, '..', '..', '..');
/** Where the screenshot of each screen is kept as a test artifact. */
export const SCREENS_DIR = join(REPO, 'test-results', 'screens');
