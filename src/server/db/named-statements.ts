/**
 * The few SQL texts the app runs on almost every request (the repositories' `prepared` queries
 * and the batched record write), to be prepared once on each PostgreSQL connection and then only
 * bound and executed (ADR 035). Sent as pg's unnamed statements, PostgreSQL parsed and planned
 * them on every call: 1.6 ms of planning for the batched write, about 0.4 ms for a session or a
 * page lookup, more than running them. Only fixed texts are registered, so the set stays small
 * and every connection holds at most that many prepared statements.
 */
const names = new Map<string, string>();

/** Marks `text` as run often. Idempotent; the name is stable for the life of the process. */
export function runOften(text: string): void {
  if (!names.has(text)) names.set(text, `innermost_${names.size + 1}`);
}

/** The statement name to prepare `text` under, or undefined for text run as it comes. */
export function statementName(text: string): string | undefined {
  return names.get(text);
}
