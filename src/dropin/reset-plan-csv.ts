/**
 * kafka-consumer-groups.sh --reset-offsets --from-file: the plan CSV read as the original reads it
 * (OffsetsUtils.parseResetPlan, Kafka 4.3, with Jackson's CSV reader): lines split on `\n` (trailing
 * empty ones dropped), `topic,partition,offset` when exactly one --group is named and the first line
 * reads that way, `group,topic,partition,offset` otherwise (missing trailing cells are 0, so a
 * three-cell line read this way is a plan for a group named like the topic). A line Jackson refuses
 * fails the whole command with Jackson's exception, which `message` carries.
 */

export interface PlanEntry {
  topic: string;
  partition: number;
  offset: number;
}

/** The plan per group, in the file's order; `notes`: what the original's failed probe of the first line prints on stderr. */
export interface ResetPlan {
  plans: Map<string, PlanEntry[]>;
  notes: string[];
}

/** Jackson's refusal of a line: the command fails with `Executing consumer group command failed due to <message>`. */
export class PlanCsvError extends Error {}

const INT = /^[+-]?\d+$/;
const where = (line: number | string, column: number | string) => `\n at [Source: (StringReader); line: ${line}, column: ${column}]`;

/** Java's String.split("\n"): trailing empty strings dropped (but "" alone stays one empty line). */
function javaLines(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type Column = 'string' | 'int' | 'long';

/**
 * One line as Jackson's CsvMapper reads it into a record of these columns, value by value: a value
 * of the wrong type, or one more than the record has, fails there; missing trailing values are 0.
 */
function record(line: string, columns: readonly Column[]): (string | number)[] {
  const text = line.replace(/\r$/, '');
  if (text === '') {
    throw new PlanCsvError(
      'com.fasterxml.jackson.databind.exc.MismatchedInputException: No content to map due to end-of-input' + where('UNKNOWN', 'UNKNOWN'),
    );
  }
  const values = text.split(',');
  const out: (string | number)[] = columns.map((c) => (c === 'string' ? '' : 0));
  for (const [i, value] of values.entries()) {
    if (i === columns.length) {
      const end = values.slice(0, i + 1).join(',').length;
      throw new PlanCsvError(
        `com.fasterxml.jackson.dataformat.csv.CsvReadException: Too many entries: expected at most ${i} ` +
          `(value #${i} (${value.length} chars) "${value}")${where(1, end)}`,
      );
    }
    out[i] = columns[i] === 'string' ? value : number(value, columns[i] as 'int' | 'long');
  }
  return out;
}

function number(value: string, type: 'int' | 'long'): number {
  if (value === '') return 0;
  const n = Number(value);
  const max = type === 'int' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
  if (!INT.test(value) || Math.abs(n) > max) {
    throw new PlanCsvError(
      `com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type \`${type}\` from String "${value}": ` +
        `not a valid \`${type}\` value`,
    );
  }
  return n;
}

function noGroup(line: string): PlanEntry {
  const [topic, partition, offset] = record(line, ['string', 'int', 'long']);
  return { topic: String(topic), partition: Number(partition), offset: Number(offset) };
}

function withGroup(line: string): PlanEntry & { group: string } {
  const [group, topic, partition, offset] = record(line, ['string', 'string', 'int', 'long']);
  return { group: String(group), topic: String(topic), partition: Number(partition), offset: Number(offset) };
}

/** `groups`: the --group values (one: the three-column form may apply). */
export function parseResetPlan(text: string, groups: readonly string[]): ResetPlan {
  const lines = javaLines(text);
  const notes: string[] = [];
  let oldFormat = false;
  try {
    noGroup(lines[0]);
    oldFormat = true;
  } catch (error) {
    // The original prints the probe's exception (its stack trace) and reads the group form.
    if (error instanceof PlanCsvError) notes.push(error.message.split('\n')[0]);
  }
  const plans = new Map<string, PlanEntry[]>();
  const add = (group: string, entry: PlanEntry) => {
    const list = plans.get(group) ?? [];
    // A HashMap of TopicPartition: the last line for a partition wins.
    const at = list.findIndex((e) => e.topic === entry.topic && e.partition === entry.partition);
    if (at >= 0) list[at] = entry;
    else list.push(entry);
    plans.set(group, list);
  };
  if (groups.length === 1 && oldFormat) for (const line of lines) add(groups[0], noGroup(line));
  else
    for (const line of lines) {
      const { group, ...entry } = withGroup(line);
      add(group, entry);
    }
  return { plans, notes };
}
