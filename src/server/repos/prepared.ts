/**
 * Hot-path queries, compiled once and executed many times. Kysely renders SQL from its builder on
 * every call (a few microseconds, as much as SQLite needs to answer a point query); here the
 * builder runs once per dialect with placeholder arguments, and later calls only bind new values.
 * The builder stays the single source of the SQL, for both dialects. On PostgreSQL each is also
 * prepared once per connection (runOften, ADR 035); SQLite's statement cache does that already.
 */
import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { SyncSqlite } from '../db/open.ts';
import type { DB } from '../db/types.ts';
import { runOften } from '../db/named-statements.ts';

type Slot = { arg: number } | { value: unknown };
interface Template {
  sql: string;
  slots: Slot[];
}

/**
 * `build` receives opaque placeholders instead of real arguments and must use each only as a
 * bound value (a comparison operand, a value to insert, a limit), never to shape the query.
 */
export interface Prepared<Args extends unknown[], Row> {
  (db: Kysely<DB>, ...args: Args): Promise<QueryResult<Row>>;
  /** The SQL for `db`'s dialect and its parameters for `args`: for a synchronous SQLite batch. */
  compiled(db: Kysely<DB>): { sql: string; parameters(...args: Args): unknown[] };
  /** The rows, read at once on SQLite's reading connection (Database.reader); `db` gives the dialect. */
  read(reader: SyncSqlite, db: Kysely<DB>, ...args: Args): Row[];
}

export function prepared<Args extends unknown[], Row>(
  arity: Args['length'],
  build: (db: Kysely<DB>, ...args: any[]) => Compilable<Row>,
): Prepared<Args, Row> {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000prepared-argument-${i}\u0000`);
  // Keyed by the dialect adapter, shared by a database and its transactions.
  const templates = new WeakMap<object, Template>();
  const templateFor = (db: Kysely<DB>): Template => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const compiled = build(db, ...placeholders).compile();
      template = {
        sql: compiled.sql,
        slots: compiled.parameters.map((p) => {
          const index = placeholders.indexOf(p as string);
          return index >= 0 ? { arg: index } : { value: p };
        }),
      };
      templates.set(adapter, template);
      runOften(template.sql);
    }
    return template;
  };
  const bind = (template: Template, args: unknown[]) => template.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
  const run = (db: Kysely<DB>, ...args: Args) => {
    const template = templateFor(db);
    return db.executeQuery<Row>(CompiledQuery.raw(template.sql, bind(template, args)));
  };
  run.compiled = (db: Kysely<DB>) => {
    const template = templateFor(db);
    return { sql: template.sql, parameters: (...args: Args) => bind(template, args) };
  };
  run.read = (reader: SyncSqlite, db: Kysely<DB>, ...args: Args) => {
    const template = templateFor(db);
    return reader.prepare(template.sql).all(...bind(template, args)) as Row[];
  };
  return run;
}
