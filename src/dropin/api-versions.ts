/**
 * kafka-broker-api-versions.sh (org.apache.kafka.tools.BrokerApiVersionsCommand), drop-in: `ktool
 * cluster api-versions --bootstrap-server B [--command-config F]`. Per live broker, NodeApiVersions'
 * lines (the text `ktool cluster api-versions` prints too); a broker that did not answer is its
 * `-> ERROR:` line, and the run still ends 0, as the original's loop over the brokers does.
 * `[usable: N]` and the UNSUPPORTED lines are the running client's: ktool's here, Java's there.
 */
import { apiVersionsText } from '../commands/cluster/api-versions.js';
import type { JoptOption } from './jopt.js';
import type { DropinScript } from './script.js';

export const API_VERSIONS_OPTIONS: readonly JoptOption[] = [
  { name: 'bootstrap-server', value: true },
  { name: 'command-config', value: true },
  { name: 'help', value: false, unsupported: 'see ktool cluster api-versions --help' },
  { name: 'version', value: false },
];

export const BROKER_API_VERSIONS: DropinScript = {
  script: 'kafka-broker-api-versions.sh',
  options: API_VERSIONS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  async run(_o, ctx, out) {
    const data = await (await (await ctx.kafka()).cluster()).apiVersions();
    await out.stdout(apiVersionsText(data));
    return 0;
  },
};
