/** What a command hands the renderer for people: tables and lines. JSON/YAML use the data itself. */
export interface TableBlock {
  title?: string;
  head: string[];
  rows: (string | number | boolean | null | undefined)[][];
  /** Column indexes shown only with --format wide. */
  wideOnly?: number[];
  /** Column indexes aligned right (numbers). */
  numeric?: number[];
}

export type Block = TableBlock | { lines: string[] };

export type View = Block[];

export function isTable(block: Block): block is TableBlock {
  return 'head' in block;
}
