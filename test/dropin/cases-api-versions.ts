/** The differential harness's cases for kafka-broker-api-versions.sh (BrokerApiVersionsCommand). */
import type { Script } from './cases.js';

const B = 'B';

export const API_VERSIONS: Script = {
  script: 'kafka-broker-api-versions.sh',
  helpFlags: ['bootstrap-server', 'command-config', 'help', 'version'],
  mainClass: 'org.apache.kafka.tools.BrokerApiVersionsCommand',
  noun: ['cluster', 'api-versions'],
  files: { props: 'client.id=dropin-api-versions\n' },
  setup: [],
  cases: [
    {
      args: ['--bootstrap-server', B],
      differs: {
        fields: ['stdout'],
        why:
          "`[usable: N]` is the highest version of the client running the tool: Java's client there, ktool's here " +
          '(the broker ranges are the same lines); the original also lists APIs only its client knows as UNSUPPORTED',
      },
    },
    {
      args: ['--bootstrap-server', B, '--command-config', '@props'],
      differs: { fields: ['stdout'], why: 'as above: the usable versions are the running client’s' },
    },
    {
      args: ['--bootstrap-server', B, '--bogus'],
      differs: {
        fields: ['code'],
        why:
          "an unknown option: ktool's usage error (exit 2); `cluster api-versions --bootstrap-server B` is ktool's own " +
          "command (the original has no flag of its own to tell it by), whose text is the original's",
      },
    },
  ],
};
