import { describe, expect, it } from 'vitest';
import { rewriteLegacy } from '../../src/cli/legacy.js';

describe('kafka-topics.sh spellings', () => {
  it.each([
    [['topics', '--list'], ['topics', 'list']],
    [['topics', '--list', '--topic', 'a.*'], ['topics', 'list', 'a.*']],
    [['topics', '--describe', '--topic', 't', '--bootstrap-server', 'h:1'], ['topics', 'describe', 't', '--bootstrap-server', 'h:1']],
    [['topics', '--create', '--topic', 't', '--partitions', '3', '--replication-factor', '1', '--config', 'a=b'], ['topics', 'create', 't', '--partitions', '3', '--replication-factor', '1', '--config', 'a=b']],
    [['topics', '--bootstrap-server', 'h:1', '--alter', '--topic=t', '--partitions', '6'], ['topics', 'alter', 't', '--bootstrap-server', 'h:1', '--partitions', '6']],
    [['topics', '--delete', '--topic', 't', '--if-exists'], ['topics', 'delete', 't', '--if-exists']],
    [['topics', 'list'], ['topics', 'list']],
    [['produce', '--list'], ['produce', '--list']],
  ])('%j', (argv, expected) => expect(rewriteLegacy(argv)).toEqual(expected));
});
