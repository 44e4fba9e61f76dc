import { describe, expect, it } from 'vitest';
import { rewriteLegacy } from '../../src/cli/legacy.js';
import { hoistLeadingOptions } from '../../src/cli/hoist.js';

describe('kafka-topics.sh spellings', () => {
  it.each([
    [
      ['topics', '--list'],
      ['topics', 'list'],
    ],
    [
      ['topics', '--list', '--topic', 'a.*'],
      ['topics', 'list', 'a.*'],
    ],
    [
      ['topics', '--describe', '--topic', 't', '--bootstrap-server', 'h:1'],
      ['topics', 'describe', 't', '--bootstrap-server', 'h:1'],
    ],
    [
      ['topics', '--create', '--topic', 't', '--partitions', '3', '--replication-factor', '1', '--config', 'a=b'],
      ['topics', 'create', 't', '--partitions', '3', '--replication-factor', '1', '--config', 'a=b'],
    ],
    [
      ['topics', '--bootstrap-server', 'h:1', '--alter', '--topic=t', '--partitions', '6'],
      ['topics', 'alter', 't', '--bootstrap-server', 'h:1', '--partitions', '6'],
    ],
    [
      ['topics', '--delete', '--topic', 't', '--if-exists'],
      ['topics', 'delete', 't', '--if-exists', '--yes'],
    ],
    [
      ['topics', 'list'],
      ['topics', 'list'],
    ],
    [
      ['produce', '--list'],
      ['produce', '--list'],
    ],
    // kafka-console-producer.sh spellings Kafka 4 dropped: --broker-list, --compression-codec [gzip].
    [
      ['produce', '--broker-list', 'h:1', '--topic', 't', '--compression-codec'],
      ['produce', '--bootstrap-server', 'h:1', '--topic', 't', '--compression', 'gzip'],
    ],
    [
      ['produce', '--broker-list=h:1', '--topic', 't', '--compression-codec', 'lz4'],
      ['produce', '--bootstrap-server=h:1', '--topic', 't', '--compression', 'lz4'],
    ],
    [
      ['offsets', '--broker-list', 'h:1', '--topic', 't'],
      ['offsets', '--bootstrap-server', 'h:1', '--topic', 't'],
    ],
  ])('%j', (argv, expected) => expect(rewriteLegacy(argv)).toEqual(expected));
});

describe('options before the command', () => {
  it.each([
    [
      ['--profile', 'prod', 'topics', 'list'],
      ['topics', 'list', '--profile', 'prod'],
    ],
    [
      ['-b', 'h:1', '--json', 'topics', 'describe', 't'],
      ['topics', 'describe', 't', '-b', 'h:1', '--json'],
    ],
    [
      ['--bootstrap-server=h:1', 'topics', '--list'],
      ['topics', 'list', '--bootstrap-server=h:1'],
    ],
    [
      ['topics', 'list', '--profile', 'x'],
      ['topics', 'list', '--profile', 'x'],
    ],
    [['--help'], ['--help']],
    [
      ['--profile', 'p'],
      ['--profile', 'p'],
    ],
    [
      ['-b', 'h:1', '__complete', 'topics', '--', 'or'],
      ['__complete', 'topics', '-b', 'h:1', '--', 'or'],
    ],
  ])('%j', (argv, expected) => expect(rewriteLegacy(hoistLeadingOptions(argv))).toEqual(expected));
});
