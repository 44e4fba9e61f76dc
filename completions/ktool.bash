# bash completion for ktool                                 -*- shell-script -*-
# Generated from the command tree by `npm run gen-docs`; do not edit.
#
# Install one of:
#   source <(ktool completion bash)                  # in ~/.bashrc
#   ktool completion bash > ~/.local/share/bash-completion/completions/ktool
#
# Topic, group and profile names come from `ktool __complete topics|groups|profiles PREFIX`, which asks the
# cluster of the current profile (or the -b/--profile/--command-config given on the line) with a
# short timeout and prints nothing when it cannot.

# Subcommands (with aliases) of a command path.
_ktool_subcommands() {
  case "$1" in
    '') echo 'topics profile local produce consume completion configs cluster offsets delete-records groups lag acls users mirror dump-log partitions perf pipe schemas stats tokens transactions share-groups share-consume help' ;;
    'topics') echo 'list describe create alter delete help' ;;
    'profile') echo 'add use list show delete help' ;;
    'local') echo 'start stop status list delete logs help' ;;
    'configs') echo 'describe alter help' ;;
    'cluster') echo 'info health quorum features log-dirs api-versions help' ;;
    'groups') echo 'list describe reset-offsets delete delete-offsets help' ;;
    'acls') echo 'list create delete help' ;;
    'users') echo 'list create delete help' ;;
    'mirror') echo 'verify deploy status pause resume delete' ;;
    'partitions') echo 'reassign elect-leaders help' ;;
    'perf') echo 'produce consume e2e help' ;;
    'pipe') echo 'reset' ;;
    'schemas') echo 'list versions get register check diff config mode delete help' ;;
    'stats') echo 'reset' ;;
    'tokens') echo 'create describe renew expire help' ;;
    'transactions') echo 'list describe describe-producers find-hanging abort help' ;;
  esac
}

# Options offered for a command path.
_ktool_options() {
  case "$1" in
    '') echo '-V --version -h --help -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug' ;;
    'topics') echo '-h --help' ;;
    'topics list') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --exclude-internal -h --help' ;;
    'topics describe') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --exclude-internal --under-replicated-partitions --unavailable-partitions --under-min-isr-partitions --at-min-isr-partitions --no-offsets --if-exists -h --help' ;;
    'topics create') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -p --partitions -r --replication-factor -c --config --if-not-exists --dry-run -h --help' ;;
    'topics alter') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --allow-internal-topics -p --partitions --if-exists -r --replication-factor --wait --throttle --dry-run -h --help' ;;
    'topics delete') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -y --yes --allow-internal-topics --if-exists -h --help' ;;
    'profile') echo '-h --help' ;;
    'profile add') echo '--no-color --debug -b --bootstrap-server --client-id --timeout --sasl-mechanism --username --password --password-env --password-command --token --token-env --token-command --tls --ca --cert --key --server-name --insecure-skip-verify --schema-registry --sr-username --sr-password --sr-password-env --sr-password-command --sr-token-env --sr-ca --use -h --help' ;;
    'profile use') echo '--no-color --debug -h --help' ;;
    'profile list') echo '--format --json --no-color --debug -h --help' ;;
    'profile show') echo '--format --json --no-color --debug -b --bootstrap-server --command-config --profile --timeout --schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca --resolved -h --help' ;;
    'profile delete') echo '--no-color --debug -y --yes -h --help' ;;
    'local') echo '-h --help' ;;
    'local start') echo '--name --format --json --no-color --debug --nodes --sasl --tls --schema-registry --fresh --kafka-version --version --kafka-home -h --help' ;;
    'local stop') echo '--name --format --json --no-color --debug -h --help' ;;
    'local status') echo '--name --format --json --no-color --debug -h --help' ;;
    'local list') echo '--format --json --no-color --debug -h --help' ;;
    'local delete') echo '--stop -y --yes --format --json --no-color --debug -h --help' ;;
    'local logs') echo '--name --format --json --no-color --debug --node -n --lines -f --follow -h --help' ;;
    'produce') echo '-b --bootstrap-server --command-config --profile --timeout --schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca --format --json --no-color --debug --topic -f --file --input -k --key -K --key-separator -H --header --property --reader-property --key-encoding --value-encoding --value-format --key-format --value-schema --key-schema --value-schema-id --key-schema-id --value-subject --key-subject --subject-strategy --register --value-message --key-message --null-marker -p --partition --keep-partitions --acks --no-idempotence --compression --batch-size --linger-ms --rate -X --producer-property --command-property --transactional-id --on-error -q --quiet -P --kcat-producer -t --kcat-topic -D --kcat-delimiter -l --kcat-lines -T --kcat-tee -c --kcat-count -Z --kcat-null -z --kcat-compression -h --help' ;;
    'consume') echo '-b --bootstrap-server --command-config --profile --timeout --schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca --topic --include -o --offset --from-beginning -p --partition -P --partitions -n --max-messages -e --exit --timeout-ms --fetch-max-bytes -g --group --share-group --group-protocol --isolation-level -f --template --format --json --key-encoding --value-encoding --value-format --key-format --property --formatter-property --grep --key-grep --header -v --verbose -C --kcat-consumer -G --kcat-group -t --kcat-topic -c --kcat-count -J --kcat-json -D --kcat-delimiter -K --kcat-key-delimiter -Z --kcat-null -q --quiet -u --unbuffered -X --kcat-property --no-color --debug -h --help' ;;
    'completion') echo '-h --help' ;;
    'configs') echo '-h --help' ;;
    'configs describe') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --entity-type --entity-name --entity-default --topic --broker --broker-defaults --broker-logger --user --user-defaults --client --client-defaults --ip --ip-defaults --group --client-metrics --all -h --help' ;;
    'configs alter') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --entity-type --entity-name --entity-default --topic --broker --broker-defaults --broker-logger --user --user-defaults --client --client-defaults --ip --ip-defaults --group --client-metrics --allow-internal-topics --add-config --add-config-file --delete-config --append --subtract --dry-run -h --help' ;;
    'cluster') echo '-h --help' ;;
    'cluster info') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -h --help' ;;
    'cluster health') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -h --help' ;;
    'cluster quorum') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --status --replication --bootstrap-controller -h --help' ;;
    'cluster features') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --feature --release-version --unsafe --dry-run --node-id --bootstrap-controller -h --help' ;;
    'cluster log-dirs') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --topic --topic-list --describe -h --help' ;;
    'cluster api-versions') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -h --help' ;;
    'offsets') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --time --topic -p --partition -P --partitions --topic-partitions --exclude-internal-topics --isolation -h --help' ;;
    'delete-records') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --before --offset-json-file -y --yes --allow-internal-topics -h --help' ;;
    'groups') echo '-h --help' ;;
    'groups list') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --state --type -h --help' ;;
    'groups describe') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --group --all-groups --offsets --members --state --verbose -h --help' ;;
    'groups reset-offsets') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --group --all-groups --topic --all-topics --to-earliest --to-latest --to-current --to-offset --shift-by --to-datetime --by-duration --from-file --execute --dry-run --export -h --help' ;;
    'groups delete') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --group --all-groups -y --yes -h --help' ;;
    'groups delete-offsets') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --group --topic -y --yes -h --help' ;;
    'lag') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --group --topic --watch --count --max-lag --max-time-lag --no-time-lag -h --help' ;;
    'acls') echo '-h --help' ;;
    'acls list') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --topic --group --cluster --transactional-id --delegation-token --user-principal --resource-pattern-type --principal --operation -h --help' ;;
    'acls create') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --topic --group --cluster --transactional-id --delegation-token --user-principal --resource-pattern-type --allow-principal --deny-principal --allow-host --deny-host --operation --producer --idempotent --consumer -h --help' ;;
    'acls delete') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --topic --group --cluster --transactional-id --delegation-token --user-principal --resource-pattern-type --allow-principal --deny-principal --allow-host --deny-host --operation --producer --idempotent --consumer --principal -y --yes --force -h --help' ;;
    'users') echo '-h --help' ;;
    'users list') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -h --help' ;;
    'users create') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --mechanism --iterations --password -h --help' ;;
    'users delete') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --mechanism -y --yes -h --help' ;;
    'mirror') echo '--from --from-bootstrap --from-config --to --to-bootstrap --to-config --timeout --topics --exclude --rename -g --group --sync-configs --until-caught-up --provenance --start --idle-timeout --compression --replication-factor --batch-bytes --max-in-flight --commit-interval -v --verbose --format --json --no-color --debug -h --help' ;;
    'mirror verify') echo '--from --from-bootstrap --from-config --to --to-bootstrap --to-config --timeout --topics --exclude --rename --deep --format --json --no-color --debug -h --help' ;;
    'mirror deploy') echo '--from --from-bootstrap --from-config --to --to-bootstrap --to-config --timeout --topics --exclude --rename --connect-url --name --source-alias --target-alias --tasks --sync-configs --no-checkpoints --no-heartbeats --dry-run --format --json --no-color --debug -h --help' ;;
    'mirror status') echo '--connect-url --name --format --json --no-color --debug -h --help' ;;
    'mirror pause') echo '--connect-url --name --format --json --no-color --debug -h --help' ;;
    'mirror resume') echo '--connect-url --name --format --json --no-color --debug -h --help' ;;
    'mirror delete') echo '--connect-url --name -y --yes --format --json --no-color --debug -h --help' ;;
    'dump-log') echo '--format --json --no-color --debug --files --print-data-log --deep-iteration --offsets-decoder --transaction-log-decoder --share-group-state-decoder --cluster-metadata-decoder --remote-log-metadata-decoder --key-decoder-class --value-decoder-class --max-bytes --max-message-size --index-sanity-check --verify-index-only --skip-record-metadata -h --help' ;;
    'partitions') echo '-h --help' ;;
    'partitions reassign') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -y --yes --generate --execute --verify --cancel --list --topics-to-move-json-file --topics --broker-list --disable-rack-aware --reassignment-json-file --throttle --replica-alter-log-dirs-throttle --additional --preserve-throttles --disallow-replication-factor-change --wait --out --dry-run -h --help' ;;
    'partitions elect-leaders') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -y --yes --preferred --unclean --election-type --topic --partition --all-topic-partitions --path-to-json-file -h --help' ;;
    'perf') echo '-h --help' ;;
    'perf produce') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -n --num-records -s --record-size --payload-file --payload-delimiter --payload-monotonic --throughput --acks --compression --batch-size --linger-ms -X --producer-property --transactional-id --transaction-duration-ms --warmup-records --reporting-interval -h --help' ;;
    'perf consume') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --include -n --num-records -g --group --from-latest --record-timeout --reporting-interval --fetch-size -h --help' ;;
    'perf e2e') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -n --num-records -s --record-size --acks --record-key-size --num-headers --record-header-key-size --record-header-size -h --help' ;;
    'pipe') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --where --map --key --on-error -o --offset -e --exit -n --max-messages -p --partition -P --partitions --isolation-level --fetch-max-bytes --compression --acks -g --group --commit-interval --transaction-timeout -v --verbose -h --help' ;;
    'pipe reset') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --execute -h --help' ;;
    'schemas') echo '-h --help' ;;
    'schemas list') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --deleted -h --help' ;;
    'schemas versions') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --deleted -h --help' ;;
    'schemas get') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --id --schema-only --deleted -h --help' ;;
    'schemas register') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -t --type --reference --normalize -h --help' ;;
    'schemas check') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -t --type --reference --all --version -h --help' ;;
    'schemas diff') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -U --context -h --help' ;;
    'schemas config') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --compatibility --reset -h --help' ;;
    'schemas mode') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --set --force -h --help' ;;
    'schemas delete') echo '--schema-registry --sr-username --sr-password-env --sr-token-env --sr-ca -b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug -y --yes --permanent -h --help' ;;
    'stats') echo '-b --bootstrap-server --command-config --profile --timeout --count --sum --avg --min --max --rate --ema --alpha --span --half-life --no-adjust --by --tumbling --hopping --session --last --grace --emit --time --to -g --group --commit-interval --transaction-timeout --until-caught-up --explain -o --offset -p --partition -P --partitions -n --max-messages -e --exit --fetch-max-bytes --isolation-level --format --json --no-color --debug -h --help' ;;
    'stats reset') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --execute -h --help' ;;
    'tokens') echo '-h --help' ;;
    'tokens create') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --max-life-time-period --renewer-principal --owner-principal -h --help' ;;
    'tokens describe') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --owner-principal -h --help' ;;
    'tokens renew') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --hmac --hmac-env --renew-time-period -h --help' ;;
    'tokens expire') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --hmac --hmac-env --expiry-time-period -h --help' ;;
    'transactions') echo '-h --help' ;;
    'transactions list') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --state --producer-id --duration-filter -h --help' ;;
    'transactions describe') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --transactional-id -h --help' ;;
    'transactions describe-producers') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --topic --partition --broker-id -h --help' ;;
    'transactions find-hanging') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --broker-id --topic --partition --max-transaction-timeout -h --help' ;;
    'transactions abort') echo '-b --bootstrap-server --command-config --profile --timeout --format --json --no-color --debug --topic --partition --start-offset --producer-id --producer-epoch --coordinator-epoch -y --yes -h --help' ;;
    'share-groups') echo '--all-groups --all-topics --bootstrap-server --command-config --delete --delete-offsets --describe --dry-run --execute --group --help --list --members --offsets --reset-offsets --state --timeout --to-datetime --to-earliest --to-latest --topic --verbose --version' ;;
    'share-consume') echo '--bootstrap-server --command-config --command-property --consumer-config --consumer-property --enable-systest-events --formatter --formatter-config --formatter-property --group --help --key-deserializer --max-messages --property --reject --reject-message-on-error --release --timeout-ms --topic --value-deserializer --version' ;;
  esac
}

# Succeeds when option $2 of command path $1 takes a value, and prints how to complete it.
_ktool_option_value() {
  case "$1" in
    '')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'topics list')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'topics describe')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'topics create')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|-p|--partitions|-r|--replication-factor|-c|--config) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'topics alter')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|-p|--partitions|-r|--replication-factor|--throttle|-c|--config) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'topics delete')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'profile add')
      case "$2" in
        -b|--bootstrap-server|--client-id|--timeout|--username|--password|--password-env|--password-command|--token|--token-env|--token-command|--server-name|--schema-registry|--sr-username|--sr-password|--sr-password-env|--sr-password-command|--sr-token-env) echo 'none' ;;
        --sasl-mechanism) echo 'choices PLAIN SCRAM-SHA-256 SCRAM-SHA-512 OAUTHBEARER' ;;
        --ca|--cert|--key|--sr-ca) echo 'files' ;;
        *) return 1 ;;
      esac ;;
    'profile list')
      case "$2" in
        --format) echo 'choices table wide json yaml' ;;
        --output) echo 'none' ;;
        *) return 1 ;;
      esac ;;
    'profile show')
      case "$2" in
        --format) echo 'choices table wide json yaml' ;;
        --output|-b|--bootstrap-server|--brokers|--timeout|--schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env) echo 'none' ;;
        --command-config|--sr-ca) echo 'files' ;;
        --profile) echo 'profiles' ;;
        *) return 1 ;;
      esac ;;
    'local start')
      case "$2" in
        --name|--output|--kafka-version|--version) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        --nodes) echo 'choices 1 3' ;;
        --kafka-home) echo 'files' ;;
        *) return 1 ;;
      esac ;;
    'local stop')
      case "$2" in
        --name|--output) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'local status')
      case "$2" in
        --name|--output) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'local list')
      case "$2" in
        --format) echo 'choices table wide json yaml' ;;
        --output) echo 'none' ;;
        *) return 1 ;;
      esac ;;
    'local delete')
      case "$2" in
        --format) echo 'choices table wide json yaml' ;;
        --output) echo 'none' ;;
        *) return 1 ;;
      esac ;;
    'local logs')
      case "$2" in
        --name|--output|--node|-n|--lines) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'produce')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|--output|--input|-k|--key|-K|--key-separator|-H|--header|--property|--reader-property|--value-format|--key-format|--subject-strategy|--value-message|--key-message|--null-marker|-p|--partition|--partitions|--acks|--batch-size|--linger-ms|--rate|-X|--producer-property|--command-property|--transactional-id|--on-error|-D|--kcat-delimiter|-c|--kcat-count|--line-reader|--request-required-acks|--request-timeout-ms|--message-send-max-retries|--retry-backoff-ms|--metadata-expiry-ms|--max-partition-memory-bytes|--max-block-ms|--max-memory-bytes|--socket-buffer-size) echo 'none' ;;
        --command-config|--sr-ca|-f|--file|--value-schema|--key-schema|--reader-config|--producer.config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic|-t|--kcat-topic) echo 'topics' ;;
        --key-encoding|--value-encoding) echo 'choices text json base64 hex' ;;
        --value-schema-id|--key-schema-id) echo 'schema-ids' ;;
        --value-subject|--key-subject) echo 'subjects' ;;
        --compression|-z|--kcat-compression) echo 'choices none gzip snappy lz4 zstd' ;;
        *) return 1 ;;
      esac ;;
    'consume')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|--include|-o|--offset|-p|--partition|-P|--partitions|-n|--max-messages|--timeout-ms|--fetch-max-bytes|--share-group|-f|--template|--format|--output|--property|--formatter-property|--grep|--key-grep|--header|-G|--kcat-group|-c|--kcat-count|-D|--kcat-delimiter|-K|--kcat-key-delimiter|-X|--kcat-property|--consumer-property|--command-property|--formatter|--key-deserializer|--value-deserializer) echo 'none' ;;
        --command-config|--sr-ca|--consumer.config|--formatter-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --topic|-t|--kcat-topic) echo 'topics' ;;
        -g|--group) echo 'groups' ;;
        --group-protocol) echo 'choices classic consumer' ;;
        --isolation-level) echo 'choices read_committed read_uncommitted' ;;
        --key-encoding|--value-encoding) echo 'choices text json base64 hex' ;;
        --value-format|--key-format) echo 'choices auto avro protobuf json-schema raw' ;;
        *) return 1 ;;
      esac ;;
    'configs describe')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--entity-type|--entity-name|--broker|--broker-logger|--user|--client|--ip|--client-metrics) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'configs alter')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--entity-type|--entity-name|--broker|--broker-logger|--user|--client|--ip|--client-metrics|--add-config|--delete-config|--append|--subtract) echo 'none' ;;
        --command-config|--add-config-file) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'cluster info')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'cluster health')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'cluster quorum')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--bootstrap-controller) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'cluster features')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--feature|--release-version|--metadata|--node-id|--bootstrap-controller) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'cluster log-dirs')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--topic-list) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'cluster api-versions')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'offsets')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--time|-p|--partition|-P|--partitions|--topic-partitions|--isolation) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'delete-records')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--before) echo 'none' ;;
        --command-config|--offset-json-file) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'groups list')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--state|--type) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'groups describe')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'groups reset-offsets')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--to-offset|--shift-by|--to-datetime|--by-duration|--from-file) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --group) echo 'groups' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'groups delete')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'groups delete-offsets')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --group) echo 'groups' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'lag')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--watch|--count|--max-lag|--max-time-lag) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml prometheus' ;;
        --group) echo 'groups' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'acls list')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--transactional-id|--delegation-token|--user-principal|--resource-pattern-type|--principal|--operation) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'acls create')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--transactional-id|--delegation-token|--user-principal|--resource-pattern-type|--allow-principal|--deny-principal|--allow-host|--deny-host|--operation) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'acls delete')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--transactional-id|--delegation-token|--user-principal|--resource-pattern-type|--allow-principal|--deny-principal|--allow-host|--deny-host|--operation|--principal) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        --group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'users list')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'users create')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--mechanism|--iterations|--password) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'users delete')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--mechanism) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror')
      case "$2" in
        --from|--from-bootstrap|--to|--to-bootstrap|--timeout|--exclude|--rename|--start|--idle-timeout|--compression|--replication-factor|--batch-bytes|--max-in-flight|--commit-interval|--output) echo 'none' ;;
        --from-config|--to-config) echo 'files' ;;
        --topics) echo 'topics' ;;
        -g|--group) echo 'groups' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror verify')
      case "$2" in
        --from|--from-bootstrap|--to|--to-bootstrap|--timeout|--exclude|--rename|--output) echo 'none' ;;
        --from-config|--to-config) echo 'files' ;;
        --topics) echo 'topics' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror deploy')
      case "$2" in
        --from|--from-bootstrap|--to|--to-bootstrap|--timeout|--exclude|--rename|--connect-url|--name|--source-alias|--target-alias|--tasks|--output) echo 'none' ;;
        --from-config|--to-config) echo 'files' ;;
        --topics) echo 'topics' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror status')
      case "$2" in
        --connect-url|--name|--output) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror pause')
      case "$2" in
        --connect-url|--name|--output) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror resume')
      case "$2" in
        --connect-url|--name|--output) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'mirror delete')
      case "$2" in
        --connect-url|--name|--output) echo 'none' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'dump-log')
      case "$2" in
        --format) echo 'choices table wide json yaml kafka' ;;
        --output|--files|--key-decoder-class|--value-decoder-class|--max-bytes|--max-message-size) echo 'none' ;;
        *) return 1 ;;
      esac ;;
    'partitions reassign')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--broker-list|--throttle|--replica-alter-log-dirs-throttle) echo 'none' ;;
        --command-config|--topics-to-move-json-file|--reassignment-json-file|--out) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topics) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'partitions elect-leaders')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--election-type|--partition) echo 'none' ;;
        --command-config|--path-to-json-file) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'perf produce')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|-n|--num-records|-s|--record-size|--payload-delimiter|--throughput|--acks|--batch-size|--linger-ms|-X|--producer-property|--command-property|--producer-props|--transactional-id|--transaction-duration-ms|--warmup-records|--reporting-interval) echo 'none' ;;
        --command-config|--payload-file) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml csv' ;;
        --compression) echo 'choices none gzip snappy lz4 zstd' ;;
        *) return 1 ;;
      esac ;;
    'perf consume')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--include|-n|--num-records|--messages|--record-timeout|--reporting-interval|--fetch-size) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml csv' ;;
        -g|--group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'perf e2e')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|-n|--num-records|-s|--record-size|--acks|--producer-acks|--record-key-size|--num-headers|--record-header-key-size|--record-header-size) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml csv' ;;
        *) return 1 ;;
      esac ;;
    'pipe')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--where|--map|--key|-o|--offset|-n|--max-messages|-p|--partition|-P|--partitions|--fetch-max-bytes|--compression|--acks|--commit-interval|--transaction-timeout) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --on-error) echo 'choices stop skip' ;;
        --isolation-level) echo 'choices read_committed read_uncommitted' ;;
        -g|--group) echo 'groups' ;;
        *) return 1 ;;
      esac ;;
    'pipe reset')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'schemas list')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'schemas versions')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'schemas get')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --id) echo 'schema-ids' ;;
        *) return 1 ;;
      esac ;;
    'schemas register')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output|--reference) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        -t|--type) echo 'choices avro protobuf json' ;;
        *) return 1 ;;
      esac ;;
    'schemas check')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output|--reference|--version) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        -t|--type) echo 'choices avro protobuf json' ;;
        *) return 1 ;;
      esac ;;
    'schemas diff')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output|-U|--context) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'schemas config')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --compatibility) echo 'choices BACKWARD BACKWARD_TRANSITIVE FORWARD FORWARD_TRANSITIVE FULL FULL_TRANSITIVE NONE' ;;
        *) return 1 ;;
      esac ;;
    'schemas mode')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --set) echo 'choices READWRITE READONLY IMPORT' ;;
        *) return 1 ;;
      esac ;;
    'schemas delete')
      case "$2" in
        --schema-registry|--schema-registry-url|--sr-username|--sr-password-env|--sr-token-env|-b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --sr-ca|--command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'stats')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--alpha|--span|--half-life|--by|--tumbling|--hopping|--session|--last|--grace|--time|--commit-interval|--transaction-timeout|-o|--offset|-p|--partition|-P|--partitions|-n|--max-messages|--fetch-max-bytes|--format|--output) echo 'none' ;;
        --command-config|--sum|--avg|--min|--max|--ema) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --emit) echo 'choices update final' ;;
        --to) echo 'topics' ;;
        -g|--group) echo 'groups' ;;
        --explain) echo 'choices ksql flink' ;;
        --isolation-level) echo 'choices read_committed read_uncommitted' ;;
        *) return 1 ;;
      esac ;;
    'stats reset')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'tokens create')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--max-life-time-period|--renewer-principal|--owner-principal) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'tokens describe')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--owner-principal) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'tokens renew')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--hmac|--hmac-env|--renew-time-period) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'tokens expire')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--hmac|--hmac-env|--expiry-time-period) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'transactions list')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--producer-id|--duration-filter|--transactional-id-pattern) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --state) echo 'choices Empty Ongoing PrepareCommit PrepareAbort CompleteCommit CompleteAbort PrepareEpochFence' ;;
        *) return 1 ;;
      esac ;;
    'transactions describe')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--transactional-id) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        *) return 1 ;;
      esac ;;
    'transactions describe-producers')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--partition|--broker-id) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'transactions find-hanging')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--broker-id|--partition|--max-transaction-timeout) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'transactions abort')
      case "$2" in
        -b|--bootstrap-server|--brokers|--timeout|--output|--partition|--start-offset|--producer-id|--producer-epoch|--coordinator-epoch) echo 'none' ;;
        --command-config) echo 'files' ;;
        --profile) echo 'profiles' ;;
        --format) echo 'choices table wide json yaml' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'share-groups')
      case "$2" in
        --bootstrap-server|--state|--timeout|--to-datetime) echo 'none' ;;
        --command-config) echo 'files' ;;
        --group) echo 'share-groups' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    'share-consume')
      case "$2" in
        --bootstrap-server|--command-property|--consumer-property|--formatter|--formatter-property|--key-deserializer|--max-messages|--property|--timeout-ms|--value-deserializer) echo 'none' ;;
        --command-config|--consumer-config|--formatter-config) echo 'files' ;;
        --group) echo 'share-groups' ;;
        --topic) echo 'topics' ;;
        *) return 1 ;;
      esac ;;
    *) return 1 ;;
  esac
}

# How to complete positional argument $2 (0-based) of command path $1.
_ktool_argument() {
  case "$1" in
    'topics describe')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'topics alter')
      case "$2" in
        0) echo 'topics' ;;
      esac ;;
    'topics delete')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'topics help')
      case "$2" in
        0) echo 'choices list describe create alter delete' ;;
      esac ;;
    'profile use')
      case "$2" in
        0) echo 'profiles' ;;
      esac ;;
    'profile show')
      case "$2" in
        0) echo 'profiles' ;;
      esac ;;
    'profile delete')
      case "$2" in
        0) echo 'profiles' ;;
      esac ;;
    'profile help')
      case "$2" in
        0) echo 'choices add use list show delete' ;;
      esac ;;
    'local help')
      case "$2" in
        0) echo 'choices start stop status list delete logs' ;;
      esac ;;
    'produce')
      case "$2" in
        0) echo 'topics' ;;
        *) echo 'files' ;;
      esac ;;
    'consume')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'completion')
      case "$2" in
        0) echo 'choices bash zsh fish' ;;
      esac ;;
    'configs help')
      case "$2" in
        0) echo 'choices describe alter' ;;
      esac ;;
    'cluster health')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'cluster features')
      case "$2" in
        0) echo 'choices describe upgrade downgrade disable version-mapping feature-dependencies' ;;
      esac ;;
    'cluster log-dirs')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'cluster help')
      case "$2" in
        0) echo 'choices info health quorum features log-dirs api-versions' ;;
      esac ;;
    'offsets')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'delete-records')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'groups describe')
      case "$2" in
        *) echo 'groups' ;;
      esac ;;
    'groups reset-offsets')
      case "$2" in
        *) echo 'groups' ;;
      esac ;;
    'groups delete')
      case "$2" in
        *) echo 'groups' ;;
      esac ;;
    'groups delete-offsets')
      case "$2" in
        0) echo 'groups' ;;
      esac ;;
    'groups help')
      case "$2" in
        0) echo 'choices list describe reset-offsets delete delete-offsets' ;;
      esac ;;
    'lag')
      case "$2" in
        *) echo 'groups' ;;
      esac ;;
    'acls help')
      case "$2" in
        0) echo 'choices list create delete' ;;
      esac ;;
    'users help')
      case "$2" in
        0) echo 'choices list create delete' ;;
      esac ;;
    'dump-log')
      case "$2" in
        *) echo 'files' ;;
      esac ;;
    'partitions elect-leaders')
      case "$2" in
        *) echo 'topics' ;;
      esac ;;
    'partitions help')
      case "$2" in
        0) echo 'choices reassign elect-leaders' ;;
      esac ;;
    'perf produce')
      case "$2" in
        0) echo 'topics' ;;
      esac ;;
    'perf consume')
      case "$2" in
        0) echo 'topics' ;;
      esac ;;
    'perf e2e')
      case "$2" in
        0) echo 'topics' ;;
      esac ;;
    'perf help')
      case "$2" in
        0) echo 'choices produce consume e2e' ;;
      esac ;;
    'schemas versions')
      case "$2" in
        0) echo 'subjects' ;;
      esac ;;
    'schemas get')
      case "$2" in
        0) echo 'subjects' ;;
      esac ;;
    'schemas register')
      case "$2" in
        0) echo 'subjects' ;;
        1) echo 'files' ;;
      esac ;;
    'schemas check')
      case "$2" in
        0) echo 'subjects' ;;
        1) echo 'files' ;;
      esac ;;
    'schemas diff')
      case "$2" in
        0) echo 'subjects' ;;
      esac ;;
    'schemas config')
      case "$2" in
        0) echo 'subjects' ;;
      esac ;;
    'schemas mode')
      case "$2" in
        0) echo 'subjects' ;;
      esac ;;
    'schemas delete')
      case "$2" in
        0) echo 'subjects' ;;
      esac ;;
    'schemas help')
      case "$2" in
        0) echo 'choices list versions get register check diff config mode delete' ;;
      esac ;;
    'stats')
      case "$2" in
        0) echo 'topics' ;;
      esac ;;
    'tokens help')
      case "$2" in
        0) echo 'choices create describe renew expire' ;;
      esac ;;
    'transactions find-hanging')
      case "$2" in
        0) echo 'topics' ;;
      esac ;;
    'transactions help')
      case "$2" in
        0) echo 'choices list describe describe-producers find-hanging abort' ;;
      esac ;;
    'help')
      case "$2" in
        0) echo 'choices topics profile local produce consume completion configs cluster offsets delete-records groups lag acls users mirror dump-log partitions perf pipe schemas stats tokens transactions' ;;
      esac ;;
  esac
}

# Fills COMPREPLY with the values of completion spec $1 matching $2.
_ktool_values() {
  local kind=${1%% *} cur=$2
  case $kind in
    topics|groups|share-groups|profiles|subjects|schema-ids)
      local IFS=$'\n'
      COMPREPLY=($(compgen -W "$("$_ktool_bin" __complete "$kind" "${_ktool_conn[@]}" -- "$cur" 2>/dev/null)" -- "$cur"))
      ;;
    files)
      compopt -o filenames 2>/dev/null
      local IFS=$'\n'
      COMPREPLY=($(compgen -f -- "$cur"))
      ;;
    choices)
      COMPREPLY=($(compgen -W "${1#choices }" -- "$cur"))
      ;;
  esac
}

_ktool() {
  # Re-join words that COMP_WORDBREAKS split at ':' or '=' (-b host:9092, --format=json).
  local -a words=()
  local i w n=-1 cword=0 glue=0
  for ((i = 0; i < ${#COMP_WORDS[@]} && i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((n >= 0)) && [[ $w =~ ^[:=]+$ ]]; then
      words[n]+=$w; glue=1
    elif ((glue)); then
      words[n]+=$w; glue=0
    else
      words[++n]=$w
    fi
    ((i == COMP_CWORD)) && cword=$n
  done
  local cur=${words[cword]}
  local strip=${cur%"${COMP_WORDS[COMP_CWORD]}"}

  local _ktool_bin=${words[0]}
  local -a _ktool_conn=()
  local path='' npos=0 dashdash=0 spec='' value_of=''
  for ((i = 1; i < cword; i++)); do
    w=${words[i]}
    if ((dashdash)); then npos=$((npos + 1)); continue; fi
    case $w in
      --) dashdash=1 ;;
      --*=*)
        case ${w%%=*} in -b|--bootstrap-server|--brokers|--command-config|--profile|--schema-registry) _ktool_conn+=("$w") ;; esac ;;
      -?*)
        if _ktool_option_value "$path" "$w" >/dev/null; then
          if ((i + 1 == cword)); then value_of=$w; break; fi
          case $w in -b|--bootstrap-server|--brokers|--command-config|--profile|--schema-registry) _ktool_conn+=("$w" "${words[i + 1]}") ;; esac
          i=$((i + 1))
        fi ;;
      *)
        if ((npos == 0)) && [[ " $(_ktool_subcommands "$path") " == *" $w "* ]]; then
          path=${path:+$path }$w
        else
          npos=$((npos + 1))
        fi ;;
    esac
  done

  COMPREPLY=()
  if [[ -n $value_of ]]; then
    _ktool_values "$(_ktool_option_value "$path" "$value_of")" "$cur"
  elif ((!dashdash)) && [[ $cur == --*=* ]]; then
    if spec=$(_ktool_option_value "$path" "${cur%%=*}"); then
      _ktool_values "$spec" "${cur#*=}"
      local j
      for j in "${!COMPREPLY[@]}"; do COMPREPLY[j]=${cur%%=*}=${COMPREPLY[j]}; done
    fi
  elif ((!dashdash)) && [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_ktool_options "$path")" -- "$cur"))
  else
    local subs
    subs=$(_ktool_subcommands "$path")
    if ((npos == 0)) && [[ -n $subs ]]; then
      COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    elif spec=$(_ktool_argument "$path" "$npos") && [[ -n $spec ]]; then
      _ktool_values "$spec" "$cur"
    fi
  fi
  if [[ -n $strip ]]; then
    for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#"$strip"}; done
  fi
}

complete -F _ktool ktool
