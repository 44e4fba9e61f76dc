import { describe, expect, it } from 'vitest';
import { internalTopicOwner, isInternalTopic, refuseInternalTopics, splitPatternMatches } from '../../src/cli/internal-topics.js';
import { KtoolError } from '../../src/errors.js';

describe('internal topics: the one classification', () => {
  it.each([
    ['__consumer_offsets', /committed offsets of every consumer group/],
    ['__transaction_state', /transaction log/],
    ['__share_group_state', /share group/],
    ['__cluster_metadata', /KRaft/],
    ['__remote_log_metadata', /tiered storage/],
    ['__anything_else', /starts with __/],
    ['_schemas', /Schema Registry/],
    ['_confluent-command', /starts with _/],
    ['connect-configs', /Kafka Connect/],
    ['connect-offsets', /Kafka Connect/],
    ['connect-status', /Kafka Connect/],
    ['docker-connect-offsets', /Kafka Connect/],
    ['connect-cluster-configs', /Kafka Connect/],
    ['my_connect_statuses', /Kafka Connect/],
    ['mm2-offset-syncs.dst.internal', /MirrorMaker 2/],
    ['mm2-configs.src.internal', /MirrorMaker 2/],
    ['src.checkpoints.internal', /checkpoints/],
    ['something.internal', /ends with \.internal/],
    ['heartbeats', /heartbeats/],
    ['src.heartbeats', /heartbeats/],
    ['billing-app-counts-store-changelog', /changelog/],
    ['billing-app-KSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition', /repartition/],
    ['app-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic', /foreign-key join/],
  ])('%s is internal', (name, owner) => {
    expect(isInternalTopic(name)).toBe(true);
    expect(internalTopicOwner(name)).toMatch(owner);
  });

  it.each([
    'orders',
    'orders.v2',
    'orders-status',
    'reconnect-status',
    'connected-devices-offsets',
    'changelog-events',
    'my_topic',
    'heartbeats-v2',
    'internal.orders',
    'mm2',
    'repartitioned',
  ])('%s is an ordinary topic', (name) => {
    expect(isInternalTopic(name)).toBe(false);
  });

  it('refuses exact internal names (exit 2) unless allowed, naming the owner and the flag', () => {
    expect(() => refuseInternalTopics(['orders', 'payments'], false, 'delete')).not.toThrow();
    expect(() => refuseInternalTopics(['__consumer_offsets'], true, 'delete')).not.toThrow();
    let error: unknown;
    try {
      refuseInternalTopics(['orders', '__consumer_offsets', 'app-store-changelog'], false, 'delete');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KtoolError);
    expect((error as KtoolError).exitCode).toBe(2);
    expect((error as KtoolError).message).toBe(
      "refusing to delete internal topics __consumer_offsets (Kafka's committed offsets of every consumer " +
        "group), app-store-changelog (a Kafka Streams state store's changelog)",
    );
    expect((error as KtoolError).hint).toMatch(/name each one exactly and add --allow-internal-topics/);
  });

  it('a pattern never selects an internal topic: they come back apart', () => {
    const all = ['__consumer_offsets', '__transaction_state', 'app-a', 'app-store-changelog', 'app-x-repartition', 'other'];
    expect(splitPatternMatches(/^(?:.*)$/, all)).toEqual({
      selected: ['app-a', 'other'],
      internal: ['__consumer_offsets', '__transaction_state', 'app-store-changelog', 'app-x-repartition'],
    });
    expect(splitPatternMatches(/^(?:app-.*)$/, all)).toEqual({
      selected: ['app-a'],
      internal: ['app-store-changelog', 'app-x-repartition'],
    });
    expect(splitPatternMatches(/^(?:__.*)$/, all)).toEqual({ selected: [], internal: ['__consumer_offsets', '__transaction_state'] });
  });
});
