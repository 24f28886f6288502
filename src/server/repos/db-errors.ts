/** What a database error means, on either dialect (SQLite's codes from better-sqlite3, PostgreSQL's SQLSTATEs). */

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** True for a UNIQUE or PRIMARY KEY violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True for a PostgreSQL deadlock (one of the two transactions was chosen to fail; nothing of it stayed). */
export function isDeadlock(error: unknown): boolean {
  return codeOf(error) === '40P01';
}
