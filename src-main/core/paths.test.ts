import { describe, expect, it } from 'vitest';
import { resolveDatabasePath, userDataDir } from './paths.ts';

describe('database location', () => {
  it('matches Electron userData for an app named Bazgasht on each OS', () => {
    expect(userDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Bazgasht');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/Bazgasht');
    expect(userDataDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Bazgasht',
    );
    expect(
      userDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u'),
    ).toMatch(/Roaming[\\/]Bazgasht$/);
  });

  it('prefers --db, then BAZGASHT_DB, then the desktop database', () => {
    expect(resolveDatabasePath('/a.db', { BAZGASHT_DB: '/b.db' })).toBe('/a.db');
    expect(resolveDatabasePath(undefined, { BAZGASHT_DB: '/b.db' })).toBe('/b.db');
    expect(resolveDatabasePath(undefined, { XDG_CONFIG_HOME: '/x' })).toMatch(
      /Bazgasht[\\/]bazgasht\.db$/,
    );
  });
});
