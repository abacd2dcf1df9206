import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isAppError } from '../../src-shared/contract/errors.ts';
import { startCore } from '../core/core.ts';
import { resolveDatabasePath } from '../core/paths.ts';
import { createBridgeServer, listenOnLoopback } from './http-bridge.ts';

/**
 * `npm run serve`: the same app in a normal browser, over the same dispatch as the desktop shell.
 * Loopback only, with a fresh secret token each run (BAZGASHT_SERVE_TOKEN fixes it for tests).
 */
const main = async (): Promise<void> => {
  let values: { db?: string | undefined; port?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nusage: npm run serve -- [--db PATH] [--port N]`);
  }
  const port = Number(values.port ?? '4780');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port: "${values.port}" is not a port number`);

  const staticDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  if (!existsSync(`${staticDir}/index.html`)) {
    fail(`The renderer is not built (${staticDir}); run "npm run build:renderer" first.`);
  }
  const databasePath = resolveDatabasePath(values.db);
  let core: ReturnType<typeof startCore>;
  try {
    core = startCore({
      databasePath,
      host: 'browser',
      create: true,
      onUnexpected: (error, channel) => console.error(`[${channel}]`, error),
    });
  } catch (error) {
    fail(isAppError(error) ? error.message : `Cannot open ${databasePath}: ${String(error)}`);
  }
  await core.warmUp();
  const token = process.env.BAZGASHT_SERVE_TOKEN || randomBytes(24).toString('base64url');
  const server = createBridgeServer({ dispatch: core.dispatch, staticDir, token });
  const actualPort = await listenOnLoopback(server, port).catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is in use; choose another with --port N (0 picks a free one).`
        : `Cannot listen on 127.0.0.1:${port}: ${error.message}`,
    ),
  );
  console.log(`Bazgasht is running with the database ${databasePath}`);
  console.log(`Open this address in your browser (it carries this run's access key):`);
  console.log(`  http://127.0.0.1:${actualPort}/#token=${token}`);

  const stop = () => {
    server.close();
    void core.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

// A declaration (not an arrow) so TypeScript treats calls to it as ending the control flow.
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

await main();
