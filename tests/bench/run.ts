/**
 * `npm run bench`: runs the benches in order and prints their figures. Benches are not tests: they
 * measure the app on the 100,000-customer demo shop and say whether each target is met (exit code
 * 1 when one is missed or fails). `node tests/bench/run.ts search` runs only the named ones.
 */
const BENCHES = [
  'demo',
  'search',
  'customers-screen',
  'import',
  'playbook',
  'kpis',
  'loyalty',
  'exports',
] as const;

type Bench = { run: () => Promise<void> };

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(BENCHES as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; the benches are: ${BENCHES.join(', ')}.`);
  process.exit(2);
}

for (const name of BENCHES) {
  if (requested.length > 0 && !requested.includes(name)) continue;
  console.log(`\n# ${name}`);
  try {
    const bench = (await import(`./${name}.bench.ts`)) as Bench;
    await bench.run();
  } catch (error) {
    console.error(
      `${name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  }
}
