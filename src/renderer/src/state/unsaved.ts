import { useEffect } from 'react';

// Work the window holds that is not in the project yet: a half-written memo, a form being
// filled in. Opening another project would throw it away, so the project commands ask first.
// Components say what they hold while they hold it; an open dialog counts as well, since
// whatever it was for would be lost with it.

const held = new Map<symbol, string>();

/** While mounted, `description` ("a memo being written") names unsaved work; null when there is none. */
export function useUnsavedWork(description: string | null): void {
  useEffect(() => {
    if (description === null) return;
    const key = Symbol(description);
    held.set(key, description);
    return () => {
      held.delete(key);
    };
  }, [description]);
}

/** What would be lost now: each unsaved piece of work and each open dialog other than `except`, in words. */
export function unsavedWork(except?: Element | null): string[] {
  const dialogs = [...document.querySelectorAll('dialog[open]')].filter((dialog) => dialog !== except && !except?.contains(dialog) && !dialog.contains(except ?? null));
  return [...held.values(), ...dialogs.map((dialog) => `the open dialog “${dialog.getAttribute('aria-label') ?? 'untitled'}”`)];
}
