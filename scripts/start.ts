import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * `npm start`: the desktop app. Electron downloads its own binary the first time it runs; where
 * that is impossible (no internet) say so plainly and run the same app in the browser instead.
 */
const require = createRequire(import.meta.url);

const electronPath = (): string | null => {
  try {
    return require('electron') as unknown as string;
  } catch (error) {
    console.error(
      `The Electron runtime could not be installed: ${(error as Error).message.split('\n')[0]}`,
    );
    return null;
  }
};

const path = electronPath();
if (path) {
  const child = spawn(path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    'Electron downloads its binary on first launch and needs internet access once.\n' +
      'Starting Bazgasht in your browser instead (npm run serve)…\n',
  );
  const result = spawnSync(
    process.execPath,
    ['src-main/server/main.ts', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(result.status ?? 1);
}
