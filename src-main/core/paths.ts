import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Bazgasht';
export const DATABASE_FILE = 'bazgasht.db';

/**
 * The OS user-data folder, the same one Electron's app.getPath('userData') gives for an app named
 * Bazgasht, so the desktop app, `npm run serve` and the CLI open the same shop by default.
 */
export const userDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string => {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
};

/** --db wins, then BAZGASHT_DB, then the desktop app's database. */
export const resolveDatabasePath = (
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string => explicit ?? env.BAZGASHT_DB ?? join(userDataDir(process.platform, env), DATABASE_FILE);
