import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import { themeKinds, type Theme } from '../../domain/model';

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1, 'A theme needs a name.').max(200);
const codeIds = z.array(id).min(1).max(1000);

const kindWord = (theme: Theme) => (theme.kind === 'category' ? 'category' : 'theme');

/** Which change a themes.update makes, for its undo label. */
function updateLabel(input: { name?: string; kind?: string; description?: string }, theme: Theme): string {
  const changed = [input.name, input.kind, input.description].filter((v) => v !== undefined).length;
  if (changed !== 1) return `Edit ${kindWord(theme)} ${quoted(theme.name)}`;
  if (input.name !== undefined) return `Rename ${kindWord(theme)} to ${quoted(theme.name)}`;
  if (input.kind !== undefined) return `Make ${quoted(theme.name)} a ${kindWord(theme)}`;
  return `Describe ${kindWord(theme)} ${quoted(theme.name)}`;
}

/** Themes and categories: pattern codes grouping codes beside the hierarchy (a code may be in several). */
export const themesContract = {
  'themes.list': read<Theme[]>(['themes', 'codes'])(z.object({}).strict()),
  'themes.create': change<Theme>()(
    z.object({ name, kind: z.enum(themeKinds).optional(), description: z.string().max(20_000).optional(), codeIds: z.array(id).max(1000).optional() }).strict(),
    { touches: ['themes'], label: (_input, theme) => `Create ${kindWord(theme)} ${quoted(theme.name)}` },
  ),
  'themes.update': change<Theme>()(
    z.object({ id, name: name.optional(), kind: z.enum(themeKinds).optional(), description: z.string().max(20_000).optional() }).strict(),
    { touches: ['themes'], label: (input, theme) => updateLabel(input, theme) },
  ),
  /** Deletes a theme and the memos on it; its codes and their codings stay. */
  'themes.remove': change<{ removed: true; name: string }>()(z.object({ id }).strict(), {
    touches: ['themes', 'memos'],
    label: (_input, out) => `Delete theme ${quoted(out.name)}`,
  }),
  'themes.addCodes': change<Theme>()(z.object({ id, codeIds }).strict(), {
    touches: ['themes'],
    label: (input, theme, names) =>
      input.codeIds.length === 1 ? `Add code ${quoted(names.code(input.codeIds[0]!))} to ${quoted(theme.name)}` : `Add ${counted(input.codeIds.length, 'code')} to ${quoted(theme.name)}`,
  }),
  'themes.removeCodes': change<Theme>()(z.object({ id, codeIds }).strict(), {
    touches: ['themes'],
    label: (input, theme, names) =>
      input.codeIds.length === 1
        ? `Take code ${quoted(names.code(input.codeIds[0]!))} out of ${quoted(theme.name)}`
        : `Take ${counted(input.codeIds.length, 'code')} out of ${quoted(theme.name)}`,
  }),
};
