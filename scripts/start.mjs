// `npm start`: the Electron app on the sample project, or, where the Electron binary is not
// installed (or there is no display), the same UI in browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const require = createRequire(import.meta.url);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, and throws if it was never downloaded
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** npm skips Electron's download script (see allowScripts); fetch the binary on first start. */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit', timeout: 180_000 });
}

function browserMode(reason) {
  run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build']);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/serve.ts', '--reason', reason, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

let binary = electronBinary();
if (!binary) {
  tryInstallElectron();
  binary = electronBinary();
}
if (!binary) {
  browserMode('The Electron binary is not installed here (it could not be downloaded), so Quarry runs in browser mode instead.');
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  browserMode('There is no graphical display here (DISPLAY is not set), so Quarry runs in browser mode instead.');
} else {
  let binding;
  try {
    binding = electronSqliteBinding();
  } catch (error) {
    browserMode(`${error.message} Quarry runs in browser mode instead.`);
  }
  if (binding) {
    const projectFlag = process.argv.indexOf('--project');
    const project = projectFlag > 0 ? resolve(process.argv[projectFlag + 1] ?? '') : undefined;
    run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build']);
    run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'preview'], {
      ...process.env,
      QUARRY_SQLITE_BINDING: binding,
      ...(project ? { QUARRY_PROJECT: project } : {}),
    });
  }
}
