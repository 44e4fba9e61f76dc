/**
 * The differential harness's cases for kafka-broker-api-versions.sh (BrokerApiVersionsCommand). The
 * broker's ranges are compared byte for byte; `[usable: N]` is normalised: it is the running client's
 * (see the normaliser), and so are the UNSUPPORTED lines (the client's broker APIs the broker does not
 * list), which match on a 4.3.1 broker because both clients have the APIs it leaves out (telemetry).
 */
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
    { args: ['--bootstrap-server', B], normalize: ['usable-versions'] },
    { args: ['--bootstrap-server', B, '--command-config', '@props'], normalize: ['usable-versions'] },
    { args: ['--bootstrap-server', B, '--bogus'] },
  ],
};
