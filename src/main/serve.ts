// Browser mode: the same main-process code as the Electron app, with the renderer served
// on 127.0.0.1. `npm start` falls back to it where the Electron binary is missing.
import { parseArgs } from 'node:util';
import { AppContext, backupSettings, consoleLogger } from './app/context';
import { projectAtLaunch } from './app/launch';
import { rendererDir, sampleDir, userDataDir } from './app/paths';
import { ProjectAccess } from './app/project-access';
import { RecentProjects } from './app/recent-projects';
import { sampleProjectIn } from './app/sample-project';
import { startHttpTransport } from './transports/http';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { project: { type: 'string' }, 'allow-dir': { type: 'string', multiple: true }, port: { type: 'string' }, reason: { type: 'string' } },
  });
  const sampleProject = sampleProjectIn(sampleDir(), userDataDir());
  const recentProjects = new RecentProjects(userDataDir(), (message, error) => consoleLogger.error(message, error));
  const projectAccess = ProjectAccess.forBrowserMode({ dataDir: userDataDir(), launchProjects: values.project ? [values.project] : [], allowedDirs: values['allow-dir'] ?? [] });
  const ctx = new AppContext({ indexOnOpen: true, projectAccess, recentProjects, sampleProject, backups: backupSettings() });
  const projectPath = await projectAtLaunch({ given: values.project, recent: recentProjects, access: projectAccess, sample: sampleProject });
  if (projectPath) {
    try {
      // A damaged project opens as its problem, with the offer of its latest good backup.
      ctx.openAtLaunch(projectPath);
    } catch (error) {
      // A project asked for must open; the one opened last may have broken since, and the start screen lets the person choose.
      if (values.project) throw error;
      consoleLogger.error(`The project opened last (${projectPath}) could not be opened`, error);
    }
  }
  const transport = await startHttpTransport({ ctx, staticDir: rendererDir(), port: values.port ? Number(values.port) : 0 });
  if (values.reason) console.log(values.reason);
  console.log(ctx.openPath ? `Quarry is running in browser mode on ${ctx.openPath}` : 'Quarry is running in browser mode; the project opened last cannot be opened, so it shows its start screen.');
  if (ctx.projectProblem) console.log(ctx.projectProblem.message);
  console.log(`Projects may be opened and created in ${projectAccess.info.allowedFolders.join(', ')} (add folders with --allow-dir).`);
  console.log(`Open ${transport.url}`);
  const stop = () => {
    // The project is closed whole (its write-ahead log folded in) before the process ends.
    void transport
      .close()
      .finally(() => ctx.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Quarry could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
