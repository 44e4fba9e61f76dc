/** server.properties and log4j2 settings for one combined broker+controller node in KRaft mode. */
import { CLIENT_CN, KEYSTORE_PASSWORD, type TlsMaterial } from './tls.js';

export const SASL_USERS = { admin: 'admin-secret', alice: 'alice-secret' } as const;

export interface NodePorts {
  broker: number;
  controller: number;
  sasl?: number;
  ssl?: number;
}

export interface NodeLayout {
  id: number;
  ports: NodePorts;
  dataDir: string;
}

export interface Security {
  /** SASL_PLAINTEXT listener: PLAIN, SCRAM-SHA-256/512 and (unsecured JWT) OAUTHBEARER, authorizer on. */
  sasl: boolean;
  /** SCRAM among the SASL mechanisms (Kafka 3.5+ in KRaft mode: versions.ts hasKraftScram); true when not given. */
  scram?: boolean;
  /** SSL listener with client certificates required. */
  tls?: TlsMaterial;
  /**
   * Delegation tokens on (with SASL, Kafka 3.6+ in KRaft mode: versions.ts hasKraftDelegationTokens): the
   * secret every node signs and checks token HMACs with, the same on all of a cluster's nodes.
   */
  tokenSecret?: string;
}

export function serverProperties(node: NodeLayout, all: NodeLayout[], { sasl, tls, scram = true, tokenSecret }: Security): string {
  const rf = all.length >= 3 ? 3 : 1;
  const listeners = [`PLAINTEXT://127.0.0.1:${node.ports.broker}`, `CONTROLLER://127.0.0.1:${node.ports.controller}`];
  const advertised = [`PLAINTEXT://127.0.0.1:${node.ports.broker}`];
  const protocolMap = ['PLAINTEXT:PLAINTEXT', 'CONTROLLER:PLAINTEXT'];
  if (sasl) {
    listeners.push(`SASL_PLAINTEXT://127.0.0.1:${node.ports.sasl}`);
    advertised.push(`SASL_PLAINTEXT://127.0.0.1:${node.ports.sasl}`);
    protocolMap.push('SASL_PLAINTEXT:SASL_PLAINTEXT');
  }
  if (tls) {
    listeners.push(`SSL://127.0.0.1:${node.ports.ssl}`);
    advertised.push(`SSL://127.0.0.1:${node.ports.ssl}`);
    protocolMap.push('SSL:SSL');
  }
  const lines = [
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    `controller.quorum.voters=${all.map((n) => `${n.id}@127.0.0.1:${n.ports.controller}`).join(',')}`,
    `listeners=${listeners.join(',')}`,
    `advertised.listeners=${advertised.join(',')}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `listener.security.protocol.map=${protocolMap.join(',')}`,
    `log.dirs=${node.dataDir}`,
    'num.partitions=1',
    `default.replication.factor=1`,
    `offsets.topic.replication.factor=${rf}`,
    `transaction.state.log.replication.factor=${rf}`,
    `transaction.state.log.min.isr=${rf === 3 ? 2 : 1}`,
    `share.coordinator.state.topic.replication.factor=${rf}`,
    `share.coordinator.state.topic.min.isr=${rf === 3 ? 2 : 1}`,
    'group.initial.rebalance.delay.ms=0',
    // Leaders stay where they were put (a reassignment, a fail-over, ktool partitions elect-leaders): Kafka's periodic
    // preferred-leader election (every 300 s) would move them under a running demo or test at a random moment.
    'auto.leader.rebalance.enable=false',
    // Small segments and quick checks keep a developer's disk and test runs light.
    'log.segment.bytes=104857600',
    'log.retention.check.interval.ms=60000',
  ];
  if (sasl) {
    const plainUsers = Object.entries(SASL_USERS)
      .map(([u, p]) => `user_${u}="${p}"`)
      .join(' ');
    const scramModule = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    lines.push(
      `sasl.enabled.mechanisms=${scram ? 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER' : 'PLAIN,OAUTHBEARER'}`,
      `listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule ` +
        `required username="admin" password="${SASL_USERS.admin}" ${plainUsers};`,
      ...(scram
        ? [
            `listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=${scramModule}`,
            `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${scramModule}`,
          ]
        : []),
      // Unsigned JWTs whose `sub` is the principal: enough to test a client's OAUTHBEARER, never for production.
      'listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule ' +
        'required;',
      'listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class=' +
        'org.apache.kafka.common.security.oauthbearer.internals.unsecured.OAuthBearerUnsecuredValidatorCallbackHandler',
      'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      // The PLAINTEXT listener (ANONYMOUS) and the controllers keep full rights; SASL users get ACLs.
      `super.users=User:admin;User:ANONYMOUS${tls ? `;User:CN=${CLIENT_CN}` : ''}`,
      'allow.everyone.if.no.acl.found=false',
    );
    // Delegation tokens (kafka-delegation-tokens.sh, ktool tokens): brokers and controllers both need the
    // secret in KRaft mode; a token then authenticates over SCRAM (tokenauth=true) with its id and HMAC.
    if (tokenSecret && scram) lines.push(`delegation.token.secret.key=${tokenSecret}`);
  }
  if (tls) {
    lines.push(
      'listener.name.ssl.ssl.keystore.type=PKCS12',
      `listener.name.ssl.ssl.keystore.location=${tls.brokerKeystore}`,
      `listener.name.ssl.ssl.keystore.password=${KEYSTORE_PASSWORD}`,
      'listener.name.ssl.ssl.truststore.type=PEM',
      `listener.name.ssl.ssl.truststore.location=${tls.ca}`,
      'listener.name.ssl.ssl.client.auth=required',
    );
  }
  return lines.join('\n') + '\n';
}

/** SCRAM credentials written into the metadata log at format time (StorageTool --add-scram). */
export function scramFormatArgs(): string[] {
  return Object.entries(SASL_USERS).flatMap(([user, password]) =>
    ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((m) => ['--add-scram', `${m}=[name=${user},password=${password}]`]),
  );
}

export function log4jProperties(logFile: string): string {
  return (
    [
      'rootLogger.level=INFO',
      'rootLogger.appenderRef.file.ref=FILE',
      'appender.file.type=RollingFile',
      'appender.file.name=FILE',
      `appender.file.fileName=${logFile}`,
      `appender.file.filePattern=${logFile}.%i`,
      'appender.file.layout.type=PatternLayout',
      'appender.file.layout.pattern=[%d] %p %m (%c)%n',
      'appender.file.policies.type=Policies',
      'appender.file.policies.size.type=SizeBasedTriggeringPolicy',
      'appender.file.policies.size.size=20MB',
      'appender.file.strategy.type=DefaultRolloverStrategy',
      'appender.file.strategy.max=3',
      'logger.kafka.name=kafka',
      'logger.kafka.level=INFO',
      'logger.state.name=state.change.logger',
      'logger.state.level=WARN',
    ].join('\n') + '\n'
  );
}

/** The same file logging for a 3.x broker, which logs through log4j 1 (reload4j). */
export function log4j1Properties(logFile: string): string {
  return (
    [
      'log4j.rootLogger=INFO, file',
      'log4j.appender.file=org.apache.log4j.RollingFileAppender',
      `log4j.appender.file.File=${logFile}`,
      'log4j.appender.file.MaxFileSize=20MB',
      'log4j.appender.file.MaxBackupIndex=3',
      'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.kafka=INFO',
      'log4j.logger.state.change.logger=WARN',
    ].join('\n') + '\n'
  );
}

/** A random Kafka cluster id: 16 bytes, unpadded base64url (what `kafka-storage random-uuid` prints). */
export function randomClusterId(random: (n: number) => Buffer): string {
  // StorageTool would read a leading "-" as an option; Kafka's own Uuid.randomUuid() skips those too.
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
