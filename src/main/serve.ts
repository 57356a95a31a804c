// Browser mode: the same main-process code as the Electron app, with the renderer served
// on 127.0.0.1. `npm start` falls back to it where the Electron binary is missing.
import { parseArgs } from 'node:util';
import { AppContext, backupSettings } from './app/context';
import { rendererDir, sampleDir, userDataDir } from './app/paths';
import { ProjectAccess } from './app/project-access';
import { ensureSampleProject } from './app/sample-project';
import { startHttpTransport } from './transports/http';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { project: { type: 'string' }, 'allow-dir': { type: 'string', multiple: true }, port: { type: 'string' }, reason: { type: 'string' } },
  });
  const projectPath = values.project ?? (await ensureSampleProject(sampleDir(), userDataDir()));
  const projectAccess = ProjectAccess.forBrowserMode({ dataDir: userDataDir(), launchProjects: [projectPath], allowedDirs: values['allow-dir'] ?? [] });
  const ctx = new AppContext({ indexOnOpen: true, projectAccess, backups: backupSettings() });
  ctx.openAtLaunch(projectPath);
  const transport = await startHttpTransport({ ctx, staticDir: rendererDir(), port: values.port ? Number(values.port) : 0 });
  if (values.reason) console.log(values.reason);
  console.log(`Quarry is running in browser mode on ${projectPath}`);
  if (ctx.projectProblem) console.log(ctx.projectProblem.message);
  console.log(`Projects may be opened and created in ${projectAccess.info.allowedFolders.join(', ')} (add folders with --allow-dir).`);
  console.log(`Open ${transport.url}`);
  const stop = () => {
    transport.close().finally(() => {
      ctx.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Quarry could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
