import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { EventMap } from '../../../shared/api/events';
import { callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';
import { dispatch } from '../../app/dispatch';

// Fixture text, written for this test: a German field note that has "Marktplatz" only in the dative plural.
const germanNote = 'Die Händlerinnen verkaufen ihre Stoffe auf regionalen Marktplätzen und schicken Lieferungen ins Ausland.';

let ctx: AppContext;
afterEach(() => ctx?.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

async function germanProject(path = tempProjectPath()) {
  ctx = testContext();
  await call('project.create', { path, name: 'Languages' });
  await call('sources.import', { fileName: 'notiz.txt', dataBase64: Buffer.from(germanNote).toString('base64') });
  return path;
}

describe('project.setLanguage', () => {
  it('defaults to English and refuses languages search cannot stem', async () => {
    await germanProject();
    expect((await call('project.getInfo', {})).language).toBe('en');
    const result = await dispatch(ctx, 'project.setLanguage', { language: 'xx' as never });
    expect(result.ok ? null : result.error.code).toBe('VALIDATION');
  });

  it('rebuilds the index with the new stemmer, reporting progress, and keeps the choice when the project reopens', async () => {
    const path = await germanProject();
    // English stemming leaves the German plural (with its umlaut) alone, so the singular is not found.
    expect((await call('search.query', { q: 'Marktplatz' })).total).toBe(0);

    const progress: Array<EventMap['progress']> = [];
    ctx.onEvent((name, payload) => name === 'progress' && progress.push(payload as EventMap['progress']));
    expect((await call('project.setLanguage', { language: 'de' })).language).toBe('de');
    expect((await call('search.query', { q: 'Marktplatz' })).total).toBe(1);
    expect(progress.filter((p) => p.task === 'search-index').at(-1)).toMatchObject({ done: 1, total: 1 });

    ctx.close();
    ctx = testContext();
    await call('project.open', { path });
    expect((await call('project.getInfo', {})).language).toBe('de');
    expect((await call('search.query', { q: 'Marktplatz' })).total).toBe(1);
  });
});
