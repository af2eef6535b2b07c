// What "Check from other networks" adds to the extension, minified: the code the background will
// load with a dynamic import when the feature is used (lib/owner-tools/globalping/), bundled on
// its own by rolldown (what WXT's Vite uses) and minified with oxc, as figure 4 does.
// `npx tsx test/bench/globalping-size.ts` prints it; benchGlobalpingSize() gives the rows.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { formatTable, type Row } from './stats';

const ROOT = join(import.meta.dirname, '../..');

/** What the background will import when the person asks for a check. */
const ENTRY = `
export { globalpingClient } from './lib/owner-tools/globalping/api';
export { measure } from './lib/owner-tools/globalping/measure';
export { httpMeasurement, dnsMeasurement } from './lib/owner-tools/globalping/request';
export { verdict } from './lib/owner-tools/globalping/verdict';
`;

/** Modules the chunk shares with what the background already carries. */
const SHARED = ['edge-location', 'redact', 'retry-after'];

async function sizeOf(shared: 'included' | 'external'): Promise<{ minified: number; gzip: number; modules: number }> {
  const bundle = await rolldown({
    input: 'globalping-entry',
    cwd: ROOT,
    platform: 'browser',
    logLevel: 'silent',
    external: shared === 'external' ? (id) => SHARED.some((name) => id.endsWith(`/${name}`)) : undefined,
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'globalping-entry' ? join(ROOT, 'globalping-entry.ts') : null),
        load: (id) => (id === join(ROOT, 'globalping-entry.ts') ? ENTRY : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const chunk = output[0];
  const code = chunk.type === 'chunk' ? chunk.code : '';
  const modules = chunk.type === 'chunk' ? Object.keys(chunk.modules).length - 1 : 0;
  return { minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, modules };
}

/** Rows for the bench table: the lazily loaded chunk, alone and with the modules it shares. */
export async function benchGlobalpingSize(): Promise<Row[]> {
  const group = '4 bundle size';
  const rows: Row[] = [];
  for (const shared of ['external', 'included'] as const) {
    const { minified, gzip, modules } = await sizeOf(shared);
    const what = shared === 'external' ? 'added (shared modules not counted)' : `with ${SHARED.join(', ')}`;
    rows.push(
      {
        group,
        label: `globalping chunk, ${what}, minified`,
        value: minified,
        unit: 'B',
        runs: 1,
        note: `${modules} modules`,
      },
      { group, label: `globalping chunk, ${what}, gzip -9`, value: gzip, unit: 'B', runs: 1, note: '' },
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  console.log(formatTable(await benchGlobalpingSize()));
}
