import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/config/yaml-parse.js';
import { toYaml } from '../../src/output/yaml.js';

describe('yaml round trip', () => {
  const samples: unknown[] = [
    {
      'current-profile': 'local',
      profiles: {
        local: { bootstrap: '127.0.0.1:9092' },
        prod: {
          bootstrap: 'a:1,b:2',
          sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', 'password-env': 'PW' },
          tls: { enabled: true, 'insecure-skip-verify': true },
        },
      },
    },
    { list: ['a', 'b: c', 'true', '', '#x', ' padded '], empty: [], obj: {}, n: 3, f: 1.5, t: true, nul: null },
    {
      nested: [
        { name: 'x', replicas: [1, 2, 3] },
        { name: 'y', replicas: [] },
      ],
    },
    { quote: 'it\'s "quoted"', colon: 'a:b', url: 'http://x:1/y', num: '0123', yes: 'yes' },
  ];
  it.each(samples.map((s) => [s]))('%j', (value) => {
    expect(parseYaml(toYaml(value))).toEqual(value);
  });

  it('parses hand-written files with comments and single quotes', () => {
    expect(parseYaml("# top\nprofiles:\n  a:   # inline\n    bootstrap: 'x:1'  # c\n")).toEqual({ profiles: { a: { bootstrap: 'x:1' } } });
  });

  it('rejects unsupported constructs with a line number', () => {
    expect(() => parseYaml('a: [1, 2]', 'cfg')).toThrow(/cfg:1/);
    expect(() => parseYaml('a:\n  b: 1\n    c: 2', 'cfg')).toThrow(/cfg:3/);
  });
});
