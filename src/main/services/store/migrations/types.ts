export interface Migration {
  /** 1, 2, 3 ... with no gaps: the schema version a database has after this migration. */
  version: number;
  name: string;
  sql: string;
}
