/** What a command hands the renderer for people: tables and lines. JSON/YAML use the data itself. */
export interface TableBlock {
  title?: string;
  head: string[];
  rows: (string | number | boolean | null | undefined)[][];
  /** Column indexes shown only with --format wide. */
  wideOnly?: number[];
  /** Column indexes aligned right (numbers). On a terminal they never shrink or wrap. */
  numeric?: number[];
  /**
   * Free-text columns (names, hosts, client ids, config values) that wrap onto more lines when the
   * table is wider than the terminal, the widest first. Default: every column not numeric.
   */
  wrap?: number[];
  /**
   * Columns left out, in this order, when wrapping is not enough. Never a number the command is
   * about; default none (a table that still does not fit is cut at the terminal's edge).
   */
  drop?: number[];
}

export type Block = TableBlock | { lines: string[] };

export type View = Block[];

export function isTable(block: Block): block is TableBlock {
  return 'head' in block;
}
