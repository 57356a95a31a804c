import type { z } from 'zod';

/**
 * What the project holds, named once for both sides: a change lists the topics it touches,
 * a read the topics it reads. Dispatch tells the renderer which topics a change touched, and
 * the renderer re-runs only the queries that read one of them.
 */
export const topics = [
  'project', // name, description, search language
  'sources', // titles, kinds, stages, metadata of sources
  'source-text', // a source's text and passages, fixed at import
  'attributes', // name = value attributes of sources
  'codes',
  'codings', // codings with their segment summaries
  'memos',
  'cases', // cases, their members and attributes
  'themes', // themes and categories grouping codes
  'displays', // saved matrices, networks and charts
  'conclusions', // conclusions, their evidence and verification tactics
  'audit', // reference lists, citations, claims, findings and verdicts of audited manuscripts
  'library', // the project's reference library
  'history', // the undo and redo steps
  'backups', // copies of the project file in the folder beside it (not in the file itself)
] as const;
export type Topic = (typeof topics)[number];

/** Names of things, for undo labels ("Apply code ‘Shipping costs’"); each answers undefined for what no longer exists. */
export interface Names {
  code(id: string): string | undefined;
  source(id: string): string | undefined;
  conclusion(id: string): string | undefined;
}

/** A call that changes nothing. */
export interface ReadSpec<I extends z.ZodType, O> {
  kind: 'read';
  input: I;
  /** What its answer depends on; an empty list for calls that read no project (parsing a file, say). */
  reads: readonly Topic[];
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
}

/** A call that changes the project: dispatch runs it in one transaction, records its undo step, keeps search in step and announces it. */
export interface ChangeSpec<I extends z.ZodType, O> {
  kind: 'change';
  input: I;
  /** Everything it may write; writing anything else is refused at run time, so the declaration cannot drift. */
  touches: readonly Topic[];
  /** How a person names the step in the undo history, in the imperative: "Rename code ‘Trust’". */
  label: (input: z.output<I>, output: O, names: Names) => string;
  output?: O;
}

/** Opens, creates or closes a project, or walks its history: dispatch treats each of these on its own. */
export interface ControlSpec<I extends z.ZodType, O> {
  kind: 'control';
  input: I;
  output?: O;
}

export type MethodSpec<I extends z.ZodType, O> = ReadSpec<I, O> | ChangeSpec<I, O> | ControlSpec<I, O>;

/** `read<Output>(reads)(inputSchema)`: curried so the output type is explicit and the input inferred. */
export function read<O>(reads: readonly Topic[]) {
  return <I extends z.ZodType>(input: I): ReadSpec<I, O> => ({ kind: 'read', input, reads });
}

/** `change<Output>()(inputSchema, { touches, label })`: a change cannot be declared without its effects. */
export function change<O>() {
  return <I extends z.ZodType>(input: I, effects: { touches: readonly Topic[]; label: ChangeSpec<I, O>['label'] }): ChangeSpec<I, O> => ({
    kind: 'change',
    input,
    touches: effects.touches,
    label: effects.label,
  });
}

export function control<O>() {
  return <I extends z.ZodType>(input: I): ControlSpec<I, O> => ({ kind: 'control', input });
}

/** Quotes a name for a label, shortened so a history list stays one line per step. */
export function quoted(name: string | undefined, max = 48): string {
  if (name === undefined) return '‘…’';
  const flat = name.replace(/\s+/g, ' ').trim();
  return `‘${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}’`;
}

/** "1 passage", "12 passages". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
