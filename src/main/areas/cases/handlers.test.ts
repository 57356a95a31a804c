import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';

// Fixture texts, written for these tests: an interview and field notes about a harbour.
const interview = 'I: What do you ship?\nR: Dried fish, mostly to Surabaya.';
const notes = 'The harbour office opens at seven. Rina arrived at eight with two crates.';

let ctx: AppContext;
afterEach(() => ctx?.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);
const failure = <M extends MethodName>(method: M, input: MethodInput<M>) => callFail(ctx, method, input);

async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Cases' });
  const talk = await call('sources.paste', { title: 'Interview with Rina', text: interview });
  const walk = await call('sources.paste', { title: 'Harbour notes', text: notes });
  return { talk, walk };
}

describe('cases', () => {
  it('groups whole sources and segments, listing each with its source and the start of its words', async () => {
    const { talk, walk } = await project();
    const rina = await call('cases.create', { name: 'Rina', description: 'Sells dried fish.' });
    const start = notes.indexOf('Rina arrived');
    const grown = await call('cases.addMembers', { id: rina.id, members: [{ sourceId: talk.id }, { sourceId: walk.id, start, end: notes.length }] });
    expect(grown.members.map((m) => [m.sourceTitle, m.start, m.excerpt])).toEqual([
      ['Interview with Rina', null, null],
      ['Harbour notes', start, 'Rina arrived at eight with two crates.'],
    ]);
    // Adding what the case holds already changes nothing.
    expect((await call('cases.addMembers', { id: rina.id, members: [{ sourceId: talk.id }] })).members).toHaveLength(2);
    const shrunk = await call('cases.removeMembers', { id: rina.id, memberIds: [grown.members[0]!.id] });
    expect(shrunk.members.map((m) => m.sourceTitle)).toEqual(['Harbour notes']);
    expect(await call('history.list', {}).then((h) => h.undo.map((s) => s.label).slice(0, 2))).toEqual([
      'Take 1 member out of case ‘Rina’',
      'Add 1 source and 1 segment to case ‘Rina’',
    ]);
  });

  it('reads attribute values as their type and stores them in one spelling', async () => {
    await project();
    const rina = await call('cases.create', { name: 'Rina' });
    await call('cases.setAttribute', { id: rina.id, name: 'age', value: ' 34 ', type: 'number' });
    await call('cases.setAttribute', { id: rina.id, name: 'interviewed', value: '2024-03-18', type: 'date' });
    await call('cases.setAttribute', { id: rina.id, name: 'exports', value: 'Yes', type: 'boolean' });
    const set = await call('cases.setAttribute', { id: rina.id, name: 'island', value: 'Lombok' });
    expect(set.attributes).toEqual({ age: '34', exports: 'true', interviewed: '2024-03-18', island: 'Lombok' });
    expect(await call('cases.listAttributes', {})).toEqual([
      { name: 'age', type: 'number', caseCount: 1 },
      { name: 'exports', type: 'boolean', caseCount: 1 },
      { name: 'interviewed', type: 'date', caseCount: 1 },
      { name: 'island', type: 'text', caseCount: 1 },
    ]);
    // A defined attribute keeps its type: a value that does not read as it is refused with what to write.
    expect(await failure('cases.setAttribute', { id: rina.id, name: 'age', value: 'thirty' })).toMatchObject({ code: 'VALIDATION', message: 'age is a number attribute: “thirty” is not a number; write digits, such as 34 or 2.5.' });
    expect((await failure('cases.setAttribute', { id: rina.id, name: 'interviewed', value: '2024-02-30' })).message).toMatch(/not a date/);
    expect((await failure('cases.setAttribute', { id: rina.id, name: 'age', value: '35', type: 'text' })).code).toBe('CONFLICT');
    expect((await call('cases.setAttribute', { id: rina.id, name: 'age', value: '1,035.50' })).attributes.age).toBe('1035.5');
  });

  it('changes an attribute’s type only when every value reads as the new one', async () => {
    await project();
    const rina = await call('cases.create', { name: 'Rina' });
    const ade = await call('cases.create', { name: 'Ade' });
    await call('cases.setAttribute', { id: rina.id, name: 'crates', value: '12' });
    await call('cases.setAttribute', { id: ade.id, name: 'crates', value: 'a few' });
    expect(await failure('cases.defineAttribute', { name: 'crates', type: 'number' })).toMatchObject({ code: 'CONFLICT', message: 'crates cannot become a number attribute: Ade (a few) would not read as one. Change those values first.' });
    await call('cases.setAttribute', { id: ade.id, name: 'crates', value: '3.0' });
    expect(await call('cases.defineAttribute', { name: 'crates', type: 'number' })).toEqual({ name: 'crates', type: 'number', caseCount: 2 });
    expect((await call('cases.list', {})).map((c) => [c.name, c.attributes.crates])).toEqual([
      ['Ade', '3'],
      ['Rina', '12'],
    ]);
  });

  it('refuses a second case of the same name, segments past the end of their source and unknown cases', async () => {
    const { talk } = await project();
    const rina = await call('cases.create', { name: 'Rina' });
    expect((await failure('cases.create', { name: ' rina ' })).code).toBe('CONFLICT');
    expect((await failure('cases.addMembers', { id: rina.id, members: [{ sourceId: talk.id, start: 5, end: 5000 }] })).message).toMatch(/past the end of its source/);
    expect((await failure('cases.addMembers', { id: rina.id, members: [{ sourceId: talk.id, start: 5 }] })).code).toBe('VALIDATION');
    expect((await failure('cases.update', { id: 'gone', name: 'X' })).code).toBe('NOT_FOUND');
  });

  it('deletes a case with its attributes, members and memos, but never its sources', async () => {
    const { talk } = await project();
    const rina = await call('cases.create', { name: 'Rina' });
    await call('cases.setAttribute', { id: rina.id, name: 'age', value: '34', type: 'number' });
    await call('cases.addMembers', { id: rina.id, members: [{ sourceId: talk.id }] });
    ctx.project.db.prepare("INSERT INTO memos (id, title, body, target_kind, target_id, created_at, updated_at) VALUES ('m1', 'On Rina', '', 'case', ?, 'x', 'x')").run(rina.id);
    expect(await call('cases.remove', { id: rina.id })).toEqual({ removed: true, name: 'Rina' });
    expect(await call('cases.list', {})).toEqual([]);
    expect(await call('memos.list', {})).toEqual([]);
    expect((await call('sources.list', {})).map((s) => s.title)).toContain('Interview with Rina');
    expect((await call('project.getInfo', {})).counts.cases).toBe(0);
  });
});
