import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's data folder: `INFOPLUS_SYNC_DATA_DIR`, else the OS per-user app-data folder. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.INFOPLUS_SYNC_DATA_DIR) return env.INFOPLUS_SYNC_DATA_DIR;
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Infoplus ERP Sync');
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Infoplus ERP Sync');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'infoplus-erp-sync');
}
