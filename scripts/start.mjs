// `npm start`: the Electron app on the sample project, or, where the Electron binary is not
// installed (or there is no display), the same UI in browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const require = createRequire(import.meta.url);
// electron-vite's package exports hide its bin, so it is run by path.
const electronVite = resolve(import.meta.dirname, '..', 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, looked up without requiring 'electron' (which would start a noisy download). */
function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** npm skips Electron's download script (see allowScripts); fetch the binary on first start. */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  console.log('Fetching the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) {
    const reason = `${result.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'no answer';
    console.log(`Could not fetch it (${reason.trim()}).`);
  }
}

function browserMode(reason) {
  run(process.execPath, [electronVite, 'build']);
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
    run(process.execPath, [electronVite, 'build']);
    run(process.execPath, [electronVite, 'preview'], {
      ...process.env,
      QUARRY_SQLITE_BINDING: binding,
      ...(project ? { QUARRY_PROJECT: project } : {}),
    });
  }
}
