/**
 * The differential harness's table: per script, the invocations run through Kafka's tool class and
 * through ktool with the same arguments (test/dropin/harness.ts). `B` in an argument is the broker;
 * `{x}` a name of the side's own (`{run}` the side's prefix, for regexes). What a case normalises
 * is only what the original itself varies between two runs, named in `normalize`.
 */
export type Normalizer =
  /** Lines naming no topic of this run dropped (other tests share the broker), the rest sorted (the sides' names differ). */
  | 'this-run-only'
  /** Topic ids (random per topic). */
  | 'topic-id';

export interface Case {
  /** Arguments after the script (for ktool, after its noun). */
  args: string[];
  stdin?: string;
  normalize?: Normalizer[];
  /** Native ktool commands run after every case on both sides' names: their output must match (cluster state). */
  state?: string[][];
}

export interface Script {
  script: string;
  mainClass: string;
  /** ktool's words before the arguments. */
  noun: string[];
  /** Native ktool commands run for both sides before the cases (topics, records, groups). */
  setup: { args: string[]; stdin?: string }[];
  cases: Case[];
}

const B = 'B';

const TOPICS: Script = {
  script: 'kafka-topics.sh',
  mainClass: 'org.apache.kafka.tools.TopicCommand',
  noun: ['topics'],
  setup: [
    { args: ['topics', 'create', '{a}', '-p', '3', '-c', 'retention.ms=3600000', '-c', 'cleanup.policy=compact'] },
    { args: ['topics', 'create', '{b}'] },
    { args: ['topics', 'create', '{del1}'] },
    { args: ['topics', 'create', '{rx1}', '{rx2}'] },
    { args: ['topics', 'create', '{=s1}', '{=s2}', '{=s3}', '{=s4}', '{=s5}', '-p', '2'] },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--list'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--list', '--exclude-internal'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--list', '--topic', '{run}-[ab]'] },
    { args: ['--bootstrap-server', B, '--list', '--topic', '{=run}-s[1-3],{=run}-s5'] },
    { args: ['--list', '--bootstrap-server', B, '--topic', '{run}-nothing.*'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}'], normalize: ['topic-id'] },
    // Several topics: printed in the order of the admin client's HashMap (src/dropin/java-hash-order.ts).
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{=run}-s.'], normalize: ['topic-id'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}', '--topics-with-overrides'], normalize: ['topic-id'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}', '--under-replicated-partitions'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}', '--at-min-isr-partitions'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{nope}', '--if-exists'] },
    {
      args: [
        '--bootstrap-server',
        B,
        '--create',
        '--topic',
        '{c}',
        '--partitions',
        '2',
        '--replication-factor',
        '1',
        '--config',
        'retention.ms=1000',
      ],
      state: [['topics', 'describe', '{c}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--create', '--topic', '{a}'] },
    { args: ['--bootstrap-server', B, '--create', '--topic', '{a}', '--if-not-exists'] },
    { args: ['--bootstrap-server', B, '--create', '--topic', '{d.e_f}'], state: [['topics', 'describe', '{d.e_f}', '--json']] },
    { args: ['--bootstrap-server', B, '--alter', '--topic', '{b}', '--partitions', '4'], state: [['topics', 'describe', '{b}', '--json']] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{del1}'], state: [['topics', 'list', '{run}-del.*', '--json']] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{run}-rx.*'], state: [['topics', 'list', '{run}-rx.*', '--json']] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{nope}', '--if-exists'] },
    { args: ['--bootstrap-server', B, '--bogus'] },
    { args: ['--bootstrap-server', B] },
  ],
};

export const SCRIPTS: readonly Script[] = [TOPICS];
