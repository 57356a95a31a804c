import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext, type ContextOptions } from '../app/context';

/** A context with a fixed clock and counting ids, so tests are deterministic; `options` adds to or replaces them. */
export function testContext(options: ContextOptions = {}): AppContext {
  let id = 0;
  let tick = 0;
  return new AppContext({
    clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newId: () => `id-${String(++id).padStart(4, '0')}`,
    coder: 'tester',
    logger: { error: () => {}, info: () => {} },
    ...options,
  });
}

export function tempProjectPath(name = 'project.quarry'): string {
  return join(mkdtempSync(join(tmpdir(), 'quarry-test-')), name);
}
