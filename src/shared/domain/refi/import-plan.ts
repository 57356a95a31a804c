import type { OffsetConvention } from './offsets';

// How a REFI-QDA file lands in a project: its codes are merged by name into the codebook
// (a code whose path of names, parents first, is already in the codebook is the same code),
// its cases and themes by name; everything else is added. The preview the user confirms and
// the import that follows plan with the same function, so what is shown is what is done.

export interface IncomingCode {
  key: string;
  parentKey: string | null;
  name: string;
}

export interface ExistingCode {
  id: string;
  parentId: string | null;
  name: string;
}

/** Where each incoming code goes: onto an existing code, or a new one (possibly shared by same-named siblings in the file). */
export type CodeTarget = { kind: 'existing'; id: string } | { kind: 'new'; key: string };

export interface CodePlan {
  targets: Map<string, CodeTarget>;
  /** Paths of the incoming codes that join an existing code. */
  merged: string[];
  /** Paths of the codes to create. */
  created: string[];
  /** Incoming codes folded into a same-named sibling from the same file. */
  duplicates: number;
}

export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Plans the codebook merge; `incoming` lists parents before their children, as a file's tree does. */
export function planCodes(incoming: readonly IncomingCode[], existing: readonly ExistingCode[]): CodePlan {
  const existingByParent = new Map<string | null, ExistingCode[]>();
  for (const code of existing) existingByParent.set(code.parentId, [...(existingByParent.get(code.parentId) ?? []), code]);
  const newByParent = new Map<string, Array<{ key: string; name: string }>>();
  const targets = new Map<string, CodeTarget>();
  const paths = new Map<string, string>();
  const plan: CodePlan = { targets, merged: [], created: [], duplicates: 0 };
  for (const code of incoming) {
    const parent: CodeTarget | null = code.parentKey === null ? null : (targets.get(code.parentKey) ?? null);
    const path = [code.parentKey === null ? undefined : paths.get(code.parentKey), code.name].filter(Boolean).join(' / ');
    paths.set(code.key, path);
    if (parent === null || parent.kind === 'existing') {
      const match = existingByParent.get(parent?.id ?? null)?.find((c) => sameName(c.name, code.name));
      if (match) {
        targets.set(code.key, { kind: 'existing', id: match.id });
        plan.merged.push(path);
        continue;
      }
    }
    const siblingsKey = parent === null ? '' : `${parent.kind}:${parent.kind === 'existing' ? parent.id : parent.key}`;
    const siblings = newByParent.get(siblingsKey) ?? [];
    const twin = siblings.find((s) => sameName(s.name, code.name));
    if (twin) {
      targets.set(code.key, { kind: 'new', key: twin.key });
      plan.duplicates++;
      continue;
    }
    siblings.push({ key: code.key, name: code.name });
    newByParent.set(siblingsKey, siblings);
    targets.set(code.key, { kind: 'new', key: code.key });
    plan.created.push(path);
  }
  return plan;
}

/** What importing a file does, or did: shown as the preview, returned by the import and printed by the CLI. */
export interface RefiImportSummary {
  fileName: string;
  /** A whole project (.qdpx, .qde) or a codebook (.qdc). */
  kind: 'project' | 'codebook';
  /** The project's name in the file, and the tool that wrote it. */
  projectName: string;
  origin: string;
  /** How the file counts positions, and whether its texts let that be told. */
  convention: { name: OffsetConvention; label: string; decided: boolean };
  /** What the file holds. */
  inFile: { codes: number; textSources: number; otherSources: number; selections: number; codings: number; notes: number; cases: number; sets: number; variables: number };
  codes: { created: number; merged: number; mergedPaths: string[]; createdPaths: string[] };
  sources: number;
  /** Codings placed on text (a selection coded with two codes is two codings). */
  codings: number;
  memos: number;
  cases: { created: number; merged: number };
  themes: { created: number; merged: number };
  attributes: number;
  /** One sentence per thing left out or worth checking, saying why. */
  notes: string[];
}
