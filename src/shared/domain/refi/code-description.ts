// REFI-QDA gives a code one Description; Quarry's codebook also has inclusion and exclusion
// criteria and an example. The schema has no place for them, so they travel inside the
// description as labelled paragraphs after the definition, which any tool shows as written
// and Quarry reads back into their fields.

export interface CodeCriteria {
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

const labels = [
  ['inclusion', 'Inclusion criteria'],
  ['exclusion', 'Exclusion criteria'],
  ['example', 'Example'],
] as const;

/** The description a REFI-QDA file carries for a code. */
export function describeCode(code: CodeCriteria): string {
  const parts = [code.definition.trim()];
  for (const [field, label] of labels) if (code[field].trim()) parts.push(`${label}: ${code[field].trim()}`);
  return parts.filter(Boolean).join('\n\n');
}

/**
 * Reads a description back into the definition and the labelled fields. Only labelled
 * paragraphs at the end, in the order `describeCode` writes them, are taken, so a
 * definition that merely mentions "Example:" in its middle stays whole.
 */
export function readCodeDescription(description: string): CodeCriteria {
  const criteria: CodeCriteria = { definition: description.trim(), inclusion: '', exclusion: '', example: '' };
  let rest = criteria.definition;
  for (const [field, label] of [...labels].reverse()) {
    const marker = rest.startsWith(`${label}: `) ? 0 : rest.lastIndexOf(`\n\n${label}: `);
    if (marker === -1) continue;
    const value = rest.slice(marker + (marker === 0 ? 0 : 2) + label.length + 2).trim();
    // A later label inside the value means the paragraphs are not in the written order.
    if (labels.some(([, other]) => value.includes(`\n\n${other}: `))) continue;
    criteria[field] = value;
    rest = rest.slice(0, marker).trim();
  }
  criteria.definition = rest;
  return criteria;
}
