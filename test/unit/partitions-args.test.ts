import { describe, expect, it } from 'vitest';
import { dropinName } from '../../src/dropin/detect.js';
import { parseArgs } from '../helpers/parse-args.js';

describe('partitions reassign / elect-leaders arguments', () => {
  it.each([
    [
      ['partitions', 'reassign', '--generate', '--topics', 'a,b', '--broker-list', '1,2'],
      { mode: 'generate', topics: ['a', 'b'], brokers: [1, 2], rackAware: true },
    ],
    [
      ['partitions', 'reassign', '--execute', '--reassignment-json-file', 'p.json', '--throttle', '1000', '--yes', '--wait'],
      {
        mode: 'execute',
        planFile: 'p.json',
        yes: true,
        wait: true,
        execute: { additional: false, throttle: 1000, logDirThrottle: undefined, allowReplicationFactorChange: true },
      },
    ],
    [['partitions', 'reassign', '--list'], { mode: 'list' }],
  ])('%j', async (argv, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.options).toMatchObject(options);
  });

  it.each([
    [['partitions', 'reassign'], /exactly one of --generate/],
    [['partitions', 'reassign', '--verify', '--list'], /exactly one of --generate/],
    [['partitions', 'reassign', '--generate', '--broker-list', '1'], /--topics-to-move-json-file FILE or --topics/],
    [['partitions', 'reassign', '--generate', '--topics', 'a', '--broker-list', '1,1'], /duplicate entries/],
    [['partitions', 'reassign', '--execute'], /--execute needs --reassignment-json-file/],
    [['partitions', 'reassign', '--execute', '--reassignment-json-file', 'f', '--throttle', 'x'], /--throttle takes bytes per second/],
    [['partitions', 'reassign', '--verify', '--reassignment-json-file', 'f', '--wait'], /--wait goes with --execute/],
    [['partitions', 'elect-leaders', 'orders'], /one election type/],
    [['partitions', 'elect-leaders', '--preferred'], /name the partitions one way/],
    [['partitions', 'elect-leaders', '--preferred', 'a', '--all-topic-partitions'], /name the partitions one way/],
    [['partitions', 'elect-leaders', '--election-type', 'x', '--all-topic-partitions'], /PREFERRED or UNCLEAN/],
    [['partitions', 'elect-leaders', '--preferred', '--topic', 't'], /--topic needs --partition/],
    [['partitions', 'elect-leaders', '--preferred', 'a:x'], /not a partition number/],
  ])('rejects %j', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('elect-leaders: topics, topic:partitions and the script spelling', async () => {
    const r = await parseArgs([
      'partitions',
      'elect-leaders',
      '--election-type',
      'preferred',
      'a',
      'b:0,2',
      '--topic',
      'c',
      '--partition',
      '1',
    ]);
    expect(r.options).toEqual({
      type: 'PREFERRED',
      targets: [{ topic: 'a' }, { topic: 'b', partitions: [0, 2] }, { topic: 'c', partitions: [1] }],
      file: undefined,
      all: false,
      yes: false,
    });
  });

  it("takes a line as the script's when it has --bootstrap-server and none of ktool's own flags", () => {
    expect(dropinName(['partitions', 'reassign', '--bootstrap-server', 'h:9092', '--list'])).toBe('reassign');
    expect(dropinName(['partitions', 'reassign', '--bootstrap-server=h:9092', '--execute', '--timeout', '100'])).toBe('reassign');
    expect(dropinName(['partitions', 'reassign', '--list'])).toBeUndefined();
    expect(dropinName(['partitions', 'reassign', '-b', 'h', '--list'])).toBeUndefined();
    expect(dropinName(['partitions', 'reassign', '--bootstrap-server', 'h', '--list', '--json'])).toBeUndefined();
    expect(dropinName(['partitions', 'elect-leaders', '--bootstrap-server', 'h', '--election-type', 'PREFERRED'])).toBe('elect-leaders');
    expect(dropinName(['partitions', 'elect-leaders', '--preferred', '--all-topic-partitions'])).toBeUndefined();
  });
});
