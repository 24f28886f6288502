/**
 * Reads the running test server's SQLite file (read-only), to check what the server holds after
 * something was taken back: records by one author, in one space or in every shared space.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RunningServer } from './app-server.ts';

export function countRecords(server: RunningServer, where: { authorId: string; spaceId?: string; exceptSpaceId?: string }): number {
  const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true, fileMustExist: true });
  try {
    const clauses = ['author_id = ?'];
    const params: string[] = [where.authorId];
    if (where.spaceId) clauses.push('space_id = ?'), params.push(where.spaceId);
    if (where.exceptSpaceId) clauses.push('space_id <> ?'), params.push(where.exceptSpaceId);
    return (db.prepare(`SELECT count(*) AS n FROM records WHERE ${clauses.join(' AND ')}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}
