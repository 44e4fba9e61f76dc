import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { columnShown, widest } from './table-helpers.js';

/**
 * Tables on 70-120 column terminals keep the columns each command is about (lag's LAG and TIME-LAG,
 * configs describe --format wide's TYPE and SYNONYMS ...) and no line is wider than the terminal;
 * off a terminal they are the plain full-width columns they always were.
 */

const topics: string[] = [];
const groups: string[] = [];
let topic: string;
let group: string;

beforeAll(async () => {
  // Long names, as real ones are: they are what has to give on a narrow terminal.
  topic = uniqueName('narrow.payments-events.eu-west-1.v2');
  group = uniqueName('narrow-billing-consumers.production');
  topics.push(topic);
  groups.push(group);
  expect(
    (
      await runCli([
        'topics',
        'create',
        topic,
        '-p',
        '3',
        '-c',
        'retention.ms=604800000',
        '-c',
        'cleanup.policy=compact,delete',
        '-c',
        'message.timestamp.type=LogAppendTime',
      ])
    ).code,
  ).toBe(0);
  const records = Array.from({ length: 40 }, (_, i) => `k${i}:v${i}`).join('\n') + '\n';
  expect((await runCli(['produce', topic, '-K', ':'], { stdin: records })).code).toBe(0);
  expect((await runCli(['groups', 'reset-offsets', group, '--topic', topic, '--to-offset', '3', '--execute'])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await runCli(['groups', 'delete', ...groups, '--yes']);
  await runCli(['topics', 'delete', ...topics, '--if-exists', '--yes']);
});

const WIDTHS = [70, 80, 100, 120];

const cases: { name: string; argv: () => string[]; columns: string[] }[] = [
  {
    name: 'lag',
    argv: () => ['lag', group],
    columns: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'TIME-LAG'],
  },
  {
    name: 'lag --format wide',
    argv: () => ['lag', group, '--format', 'wide'],
    columns: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'TIME-LAG'],
  },
  {
    name: 'configs describe --format wide',
    argv: () => ['configs', 'describe', '--topic', topic, '--format', 'wide'],
    columns: ['NAME', 'VALUE', 'SOURCE', 'SENSITIVE', 'READ-ONLY', 'TYPE', 'SYNONYMS'],
  },
  {
    name: 'configs describe --all --format wide',
    argv: () => ['configs', 'describe', '--topic', topic, '--all', '--format', 'wide'],
    columns: ['NAME', 'VALUE', 'SOURCE', 'TYPE', 'SYNONYMS'],
  },
  {
    name: 'groups describe',
    argv: () => ['groups', 'describe', group],
    columns: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG'],
  },
  {
    name: 'topics describe',
    argv: () => ['topics', 'describe', topic],
    columns: ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'EARLIEST', 'LATEST', 'MESSAGES'],
  },
  {
    name: 'topics list',
    argv: () => ['topics', 'list', `${topic}|${topic}x`, '--format', 'wide'],
    columns: ['NAME', 'PARTITIONS', 'REPLICAS', 'INTERNAL'],
  },
  {
    name: 'cluster info',
    argv: () => ['cluster', 'info'],
    columns: ['ID', 'HOST:PORT', 'CONTROLLER', 'FEATURE', 'FINALIZED', 'SUPPORTED'],
  },
];

describe('tables on narrow terminals', () => {
  for (const c of cases) {
    it(`${c.name}: the key columns at ${WIDTHS.join('/')} columns, no line wider`, async () => {
      for (const columns of WIDTHS) {
        const r = await runCli(c.argv(), { tty: true, columns });
        expect(r.code).toBe(0);
        // groups describe says on a terminal that the group has no active members; nothing else is said.
        expect(r.stderr.replace(/^consumer group '\S+' has no active members\n/, '')).toBe('');
        expect(widest(r.stdout), `${columns} columns:\n${r.stdout}`).toBeLessThanOrEqual(columns);
        for (const name of c.columns) expect(columnShown(r.stdout, name), `${name} at ${columns} columns:\n${r.stdout}`).toBe(true);
        expect(r.stdout).not.toContain('…');
      }
    });
  }

  it('lag: the numbers are whole on a narrow terminal (37 records behind on partition 0, committed at 3)', async () => {
    const json = JSON.parse((await runCli(['lag', group, '--json'])).stdout) as {
      partitions: { partition: number; currentOffset: number; logEndOffset: number; lag: number }[];
    }[];
    const r = await runCli(['lag', group], { tty: true, columns: 70 });
    for (const p of json[0].partitions) {
      // The partition's row: its numbers in order on one line.
      expect(r.stdout).toMatch(new RegExp(`\\s${p.partition}\\s+${p.currentOffset}\\s+${p.logEndOffset}\\s+${p.lag}\\s`));
    }
  });

  it('off a terminal: plain aligned columns at full width, one line per row, as before', async () => {
    const r = await runCli(['lag', group, '--no-time-lag']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^GROUP +TOPIC +PARTITION +CURRENT-OFFSET +LOG-END-OFFSET +LAG +TIME-LAG$/);
    const rows = lines.slice(1, 4);
    expect(rows.map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([0, 1, 2].map((p) => [group, topic, String(p)]));
    expect(widest(r.stdout)).toBeGreaterThan(80);
  });
});
