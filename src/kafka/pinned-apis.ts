/**
 * The API versions ktool sends itself (raw-api.ts callApi), newest first: the newest one the
 * client library implements, then older ones only where a broker ktool supports (Kafka 3.3-4.4)
 * does not take it ("3.3: vN" below is the newest Kafka 3.3.2 takes). The listed versions of one
 * API take the same arguments. Kafka 4.0 dropped old versions (KIP-896); none listed here is below
 * a 4.x broker's minimum. test/kafka/library-contract.test.ts checks each against the installed
 * library and the ranges of Kafka 3.3.2, 3.9.2 and 4.4.0.
 */
import {
  addOffsetsToTxnV3,
  addPartitionsToTxnV3,
  alterClientQuotasV1,
  alterPartitionReassignmentsV0,
  alterPartitionReassignmentsV1,
  alterUserScramCredentialsV0,
  apiVersionsV3,
  apiVersionsV4,
  consumerGroupDescribeV0,
  createAclsV3,
  createDelegationTokenV3,
  createTopicsV7,
  deleteAclsV3,
  deleteGroupsV2,
  deleteRecordsV2,
  deleteTopicsV6,
  describeAclsV3,
  describeClientQuotasV1,
  describeClusterV0,
  describeClusterV1,
  describeConfigsV4,
  describeDelegationTokenV3,
  describeGroupsV5,
  describeLogDirsV4,
  describeProducersV0,
  describeQuorumV0,
  describeQuorumV1,
  describeQuorumV2,
  describeTransactionsV0,
  describeTopicPartitionsV0,
  describeUserScramCredentialsV0,
  endTxnV3,
  endTxnV4,
  expireDelegationTokenV2,
  findCoordinatorV4,
  findCoordinatorV5,
  findCoordinatorV6,
  incrementalAlterConfigsV1,
  initProducerIdV3,
  initProducerIdV4,
  initProducerIdV5,
  listGroupsV4,
  listPartitionReassignmentsV0,
  listGroupsV5,
  listOffsetsV7,
  listTransactionsV0,
  listTransactionsV1,
  listTransactionsV2,
  listOffsetsV8,
  listOffsetsV9,
  metadataV12,
  offsetCommitV8,
  offsetCommitV9,
  offsetDeleteV0,
  offsetFetchV8,
  offsetFetchV9,
  renewDelegationTokenV2,
  txnOffsetCommitV3,
  updateFeaturesV1,
} from '@platformatic/kafka';

export const PINNED = {
  Metadata: [metadataV12.api],
  ApiVersions: [apiVersionsV4.api, apiVersionsV3.api], // 3.3: v3
  DescribeCluster: [describeClusterV1.api, describeClusterV0.api], // 3.3: v0 (no endpoint type)
  DescribeLogDirs: [describeLogDirsV4.api],
  CreateTopics: [createTopicsV7.api],
  DeleteTopics: [deleteTopicsV6.api],
  DeleteRecords: [deleteRecordsV2.api],
  ListOffsets: [listOffsetsV9.api, listOffsetsV8.api, listOffsetsV7.api], // 3.3: v7
  DescribeConfigs: [describeConfigsV4.api],
  IncrementalAlterConfigs: [incrementalAlterConfigsV1.api],
  DescribeClientQuotas: [describeClientQuotasV1.api],
  AlterClientQuotas: [alterClientQuotasV1.api],
  FindCoordinator: [findCoordinatorV6.api, findCoordinatorV5.api, findCoordinatorV4.api], // 3.3: v4
  ListGroups: [listGroupsV5.api, listGroupsV4.api], // 3.3: v4 (no group types)
  DescribeGroups: [describeGroupsV5.api],
  // Brokers before KIP-848 (3.3 ...) have no ConsumerGroupDescribe: callApi fails with UnsupportedApiError.
  ConsumerGroupDescribe: [consumerGroupDescribeV0.api],
  // Kafka 3.8+ (ELR, kafka-topics.sh's describe); older brokers: UnsupportedApiError, Elr: N/A.
  DescribeTopicPartitions: [describeTopicPartitionsV0.api],
  OffsetFetch: [offsetFetchV9.api, offsetFetchV8.api], // 3.3: v8
  OffsetCommit: [offsetCommitV9.api, offsetCommitV8.api], // 3.3: v8
  OffsetDelete: [offsetDeleteV0.api],
  DeleteGroups: [deleteGroupsV2.api],
  DescribeAcls: [describeAclsV3.api],
  CreateAcls: [createAclsV3.api],
  DeleteAcls: [deleteAclsV3.api],
  DescribeUserScramCredentials: [describeUserScramCredentialsV0.api],
  AlterUserScramCredentials: [alterUserScramCredentialsV0.api],
  // Transactions (transactions.ts): transaction.version 1 requests only; AddPartitionsToTxn v4+ is
  // broker-to-broker and EndTxn v5 belongs to transaction.version 2, so neither is listed.
  InitProducerId: [initProducerIdV5.api, initProducerIdV4.api, initProducerIdV3.api], // 3.3: v4
  AddPartitionsToTxn: [addPartitionsToTxnV3.api],
  EndTxn: [endTxnV4.api, endTxnV3.api], // 3.3: v3
  // Offsets in a transaction (pipe -g): v3 carries the group's generation and member id (KIP-447) and metadata.
  AddOffsetsToTxn: [addOffsetsToTxnV3.api],
  TxnOffsetCommit: [txnOffsetCommitV3.api],
  // Reassignments (partitions reassign, topics alter --replication-factor); ElectLeaders is ktool's own (partitions.ts).
  // Before 4.1: v0 (always allows a replica count change).
  AlterPartitionReassignments: [alterPartitionReassignmentsV1.api, alterPartitionReassignmentsV0.api],
  ListPartitionReassignments: [listPartitionReassignmentsV0.api],
  // kafka-transactions.sh's requests (transactions-admin.ts). ListTransactions v1 adds the duration
  // filter (Kafka 3.8: refused before), v2 the transactional id pattern (4.1: applied by ktool before).
  ListTransactions: [listTransactionsV2.api, listTransactionsV1.api, listTransactionsV0.api], // 3.3: v0
  DescribeTransactions: [describeTransactionsV0.api],
  DescribeProducers: [describeProducersV0.api],
  // kafka-metadata-quorum.sh (cluster quorum): v1 adds fetch and caught-up times, v2 directory ids and listeners.
  DescribeQuorum: [describeQuorumV2.api, describeQuorumV1.api, describeQuorumV0.api], // 3.3: v1
  // kafka-features.sh (cluster features): v1 is the first with validateOnly (--dry-run); v0 would apply it.
  UpdateFeatures: [updateFeaturesV1.api],
  // kafka-delegation-tokens.sh (tokens): Create v3 and Describe v3 carry the requester (KIP-373, Kafka 3.3).
  CreateDelegationToken: [createDelegationTokenV3.api],
  RenewDelegationToken: [renewDelegationTokenV2.api],
  ExpireDelegationToken: [expireDelegationTokenV2.api],
  DescribeDelegationToken: [describeDelegationTokenV3.api],
} as const;
