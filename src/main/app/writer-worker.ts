// The writer thread's entry (see writer.ts): records each change it is sent on its own
// connection to the project, with its own undo triggers, as the main thread would, and writes
// the search index's merged segments.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { AreaContext } from '../areas/kit';
import { storeSegment } from '../services/search/segment-store';
import { joinProject, type Db } from '../services/store/database';
import { History } from '../services/store/history';
import { serveJobs } from '../services/workers/serve';
import { recordChange } from './changes';
import type { WriterJobs } from './writer';

const connections = new Map<string, { db: Db; history: History }>();

function connection(path: string): { db: Db; history: History } {
  let open = connections.get(path);
  if (!open) {
    const db = joinProject(path);
    open = { db, history: new History(db) };
    connections.set(path, open);
  }
  return open;
}

const unavailable = (what: string): never => {
  throw new AppError('INTERNAL', `${what} is not available to a change written in the writer thread.`);
};

/** What a handler's apply may use here: the project's database, the time of the change and new ids. */
function contextFor(path: string, db: Db, at: string): AreaContext {
  return {
    project: {
      path,
      db,
      get name() {
        return unavailable('The project name');
      },
      get language() {
        return unavailable('The search language');
      },
      get search() {
        return unavailable('Search');
      },
      get history() {
        return unavailable('The history');
      },
    },
    openPath: path,
    clock: () => at,
    newId: () => randomUUID(),
    get user() {
      return unavailable('The user');
    },
    get coder() {
      return unavailable('The coder');
    },
    emit: () => undefined,
    get projectAccess() {
      return unavailable('Project access');
    },
    projectProblem: null,
  };
}

serveJobs<WriterJobs>({
  change: async ({ path, method, input, prepared, at }) => {
    const { db, history } = connection(path);
    return { value: recordChange(history, db, method, input, prepared, contextFor(path, db, at)) };
  },
  'search.store': async ({ path, replaced, row }) => ({ value: storeSegment(connection(path).db, replaced, row) }),
});
