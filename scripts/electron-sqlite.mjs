// better-sqlite3 is a native module: Node (tests, CLI, browser mode) and Electron need
// builds for different ABIs. npm installs the Node build; this makes the Electron build in
// build/native/electron beside it, and Quarry points better-sqlite3's nativeBinding at it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

export function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const outDir = join(root, 'build', 'native', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = join(outDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(sqliteDir, outDir, { recursive: true, filter: (src) => !src.includes(`${join(sqliteDir, 'build')}`) });
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (first start only)…`);
  // npm ships node-gyp and names it to scripts it runs; that is the one `npm install` used.
  const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
  const result = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: outDir, stdio: 'inherit' },
  );
  if (result.status !== 0 || !existsSync(binding)) throw new Error('The Electron build of better-sqlite3 failed.');
  // Guard against tools that report success while building for Node's ABI: a module built
  // for Electron must NOT load in plain Node.
  try {
    process.dlopen({ exports: {} }, binding);
  } catch (error) {
    if (/NODE_MODULE_VERSION/.test(String(error))) return binding;
    throw error;
  }
  throw new Error('better-sqlite3 was built for Node, not for Electron.');
}
