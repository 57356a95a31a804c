/** A moment (ISO 8601) as a person reads it in lists: "6 Dec 2026, 09:14" in their own locale. */
export const formatWhen = (at: string): string => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
