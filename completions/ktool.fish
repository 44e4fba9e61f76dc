# fish completion for ktool. Generated from the command tree by `npm run gen-docs`; do not edit.
#
# Install one of:
#   ktool completion fish > ~/.config/fish/completions/ktool.fish
#   ktool completion fish | source                 # in ~/.config/fish/config.fish
#
# Topic, group and profile names come from `ktool __complete topics|groups|profiles PREFIX`, which asks the
# cluster of the current profile (or the -b/--profile/--command-config given on the line) with a
# short timeout and prints nothing when it cannot.

set -g __ktool_paths 'topics' 'topics list' 'topics describe' 'topics create' 'topics alter' 'topics delete' 'topics help' 'profile' 'profile add' 'profile use' 'profile list' 'profile show' 'profile delete' 'profile help' 'local' 'local start' 'local stop' 'local status' 'local list' 'local delete' 'local logs' 'local help' 'produce' 'consume' 'completion' 'configs' 'configs describe' 'configs alter' 'configs help' 'cluster' 'cluster info' 'cluster health' 'cluster log-dirs' 'cluster api-versions' 'cluster help' 'offsets' 'delete-records' 'groups' 'groups list' 'groups describe' 'groups reset-offsets' 'groups delete' 'groups delete-offsets' 'groups help' 'lag' 'acls' 'acls list' 'acls create' 'acls delete' 'acls help' 'users' 'users list' 'users create' 'users delete' 'users help' 'mirror' 'mirror verify' 'mirror deploy' 'mirror status' 'mirror pause' 'mirror resume' 'mirror delete' 'help'
set -g __ktool_value_options '-b' '--bootstrap-server' '--brokers' '--command-config' '--profile' '--timeout' '--format' '--output' '-p' '--partitions' '-r' '--replication-factor' '-c' '--config' '--client-id' '--sasl-mechanism' '--username' '--password' '--password-env' '--password-command' '--token' '--token-env' '--token-command' '--ca' '--cert' '--key' '--server-name' '--schema-registry' '--sr-username' '--sr-password' '--sr-password-env' '--sr-password-command' '--sr-token-env' '--sr-ca' '--schema-registry-url' '--name' '--nodes' '--kafka-version' '--version' '--kafka-home' '--node' '-n' '--lines' '--topic' '-f' '--file' '--input' '-k' '-K' '--key-separator' '-H' '--header' '--property' '--reader-property' '--key-encoding' '--value-encoding' '--null-marker' '--partition' '-P' '--acks' '--compression' '--batch-size' '--linger-ms' '--rate' '-X' '--producer-property' '--transactional-id' '--on-error' '--include' '-o' '--offset' '--max-messages' '--timeout-ms' '--fetch-max-bytes' '-g' '--group' '--group-protocol' '--isolation-level' '--template' '--formatter-property' '--grep' '--key-grep' '--entity-type' '--entity-name' '--broker' '--broker-logger' '--user' '--client' '--ip' '--client-metrics' '--add-config' '--add-config-file' '--delete-config' '--append' '--subtract' '--topic-list' '--time' '--topic-partitions' '--isolation' '--before' '--offset-json-file' '--state' '--type' '--to-offset' '--shift-by' '--to-datetime' '--by-duration' '--from-file' '--watch' '--count' '--max-lag' '--max-time-lag' '--delegation-token' '--user-principal' '--resource-pattern-type' '--principal' '--operation' '--allow-principal' '--deny-principal' '--allow-host' '--deny-host' '--mechanism' '--iterations' '--from' '--from-bootstrap' '--from-config' '--to' '--to-bootstrap' '--to-config' '--topics' '--exclude' '--rename' '--start' '--idle-timeout' '--batch-bytes' '--max-in-flight' '--commit-interval' '--connect-url' '--source-alias' '--target-alias' '--tasks'
set -g __ktool_connection_flags -b --bootstrap-server --brokers --command-config --profile

# The command path typed so far (e.g. "topics create"), skipping options and their values.
function __ktool_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    for t in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $t
            case '--'
                break
            case '--*=*'
                continue
            case '-*'
                contains -- $t $__ktool_value_options; and set skip 1
                continue
        end
        set -l candidate (string join ' ' $path $t)
        if contains -- $candidate $__ktool_paths
            set path $path $t
        else
            break
        end
    end
    string join ' ' $path
end

function __ktool_is
    set -l path (__ktool_path)
    test "$path" = "$argv"
end

# $argv[1]: topics|groups|profiles. Passes on the connection flags typed so far.
function __ktool_dynamic
    set -l tokens (commandline -opc)
    set -l bin $tokens[1]
    set -l conn
    set -l n (count $tokens)
    for i in (seq 2 $n)
        set -l t $tokens[$i]
        if contains -- $t $__ktool_connection_flags; and test $i -lt $n
            set conn $conn $t $tokens[(math $i + 1)]
        else if string match -qr -- '^--(bootstrap-server|brokers|command-config|profile)=' $t
            set conn $conn $t
        end
    end
    $bin __complete $argv[1] $conn -- (commandline -ct) 2>/dev/null
end

complete -c ktool -f

# ktool
complete -c ktool -n '__ktool_is' -f -a 'topics' -d 'list, describe, create, alter and delete topics (kafka-topics.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'profile' -d 'saved cluster connections (~/.config/ktool/config.yaml)'
complete -c ktool -n '__ktool_is' -f -a 'local' -d 'run a real Apache Kafka (KRaft) on this machine, no Docker'
complete -c ktool -n '__ktool_is' -f -a 'produce' -d 'write records from standard input or files, one per line (kafka-console-producer and kcat -P spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'consume' -d 'read records (kcat -C / kafka-console-consumer.sh), values to stdout by default; TOPIC:PARTITIONS (orders:0,2) reads some partitions'
complete -c ktool -n '__ktool_is' -f -a 'completion' -d 'print the shell completion script for bash, zsh or fish'
complete -c ktool -n '__ktool_is' -f -a 'configs' -d 'describe and change topic, broker, group and client-metrics configs and client quotas (kafka-configs.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'cluster' -d 'cluster id, brokers, features, health, log dirs and API versions'
complete -c ktool -n '__ktool_is' -f -a 'offsets' -d 'offsets of partitions at the start, the end, the newest timestamp or a time (kafka-get-offsets.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'delete-records' -d 'delete records below an offset or a time (kafka-delete-records.sh); asks on a terminal, needs --yes otherwise'
complete -c ktool -n '__ktool_is' -f -a 'groups' -d 'list, describe, reset and delete consumer groups, classic and KIP-848 (kafka-consumer-groups.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'lag' -d 'lag per group, topic and partition, in records and in time (age of the next record to consume); every group when none is named'
complete -c ktool -n '__ktool_is' -f -a 'acls' -d 'list, create and delete ACLs (kafka-acls.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'users' -d 'SCRAM users: list, create (or change the password of) and delete SCRAM-SHA-256/512 credentials'
complete -c ktool -n '__ktool_is' -f -a 'mirror' -d 'copy topics from one cluster to another (MirrorMaker 2 style), verify copies, drive MirrorMaker 2 on Kafka Connect'
complete -c ktool -n '__ktool_is' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is' -s V -l version -d 'output the version number'
complete -c ktool -n '__ktool_is' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is' -l debug -d 'show stack traces and client details on errors'

# ktool topics
complete -c ktool -n '__ktool_is topics' -f -a 'list' -d 'list topics, optionally those whose name matches REGEX'
complete -c ktool -n '__ktool_is topics' -f -a 'describe' -d 'partitions (leader, replicas, ISR, offline), offsets, message counts and non-default configs'
complete -c ktool -n '__ktool_is topics' -f -a 'create' -d 'create topics'
complete -c ktool -n '__ktool_is topics' -f -a 'alter' -d 'increase the partition count of a topic (internal topics refused without --allow-internal-topics)'
complete -c ktool -n '__ktool_is topics' -f -a 'delete' -d 'delete topics by name or whole-name regex (a TOPIC with regex characters); asks on a terminal, needs --yes otherwise; a regex never selects internal topics'
complete -c ktool -n '__ktool_is topics' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is topics' -s h -l help -d 'display help for command'

# ktool topics list
complete -c ktool -n '__ktool_is topics list' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is topics list' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics list' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics list' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is topics list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics list' -l exclude-internal -d 'hide internal topics (__consumer_offsets, ...)'
complete -c ktool -n '__ktool_is topics list' -s h -l help -d 'display help for command'

# ktool topics describe
complete -c ktool -n '__ktool_is topics describe' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is topics describe' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics describe' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics describe' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is topics describe' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics describe' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics describe' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics describe' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics describe' -l exclude-internal -d 'with no topic named: skip internal topics'
complete -c ktool -n '__ktool_is topics describe' -l under-replicated-partitions -d 'only partitions whose ISR is smaller than the replica set'
complete -c ktool -n '__ktool_is topics describe' -l unavailable-partitions -d 'only partitions without a live leader'
complete -c ktool -n '__ktool_is topics describe' -l under-min-isr-partitions -d 'only partitions whose ISR is below min.insync.replicas'
complete -c ktool -n '__ktool_is topics describe' -l at-min-isr-partitions -d 'only partitions whose ISR equals min.insync.replicas'
complete -c ktool -n '__ktool_is topics describe' -l no-offsets -d 'skip earliest/latest offsets (faster on huge clusters)'
complete -c ktool -n '__ktool_is topics describe' -l if-exists -d 'no error for topics that do not exist'
complete -c ktool -n '__ktool_is topics describe' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is topics describe' -f -a '(__ktool_dynamic topics)'

# ktool topics create
complete -c ktool -n '__ktool_is topics create' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is topics create' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics create' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics create' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is topics create' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics create' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics create' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics create' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics create' -s p -l partitions -x -d 'number of partitions (default: broker num.partitions)'
complete -c ktool -n '__ktool_is topics create' -s r -l replication-factor -x -d 'replication factor (default: broker default.replication.factor)'
complete -c ktool -n '__ktool_is topics create' -s c -l config -x -d 'topic config, repeatable'
complete -c ktool -n '__ktool_is topics create' -l if-not-exists -d 'no error when the topic already exists'
complete -c ktool -n '__ktool_is topics create' -l dry-run -d 'validate on the broker without creating'
complete -c ktool -n '__ktool_is topics create' -s h -l help -d 'display help for command'

# ktool topics alter
complete -c ktool -n '__ktool_is topics alter' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is topics alter' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics alter' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics alter' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is topics alter' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics alter' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics alter' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics alter' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics alter' -l allow-internal-topics -d 'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, MirrorMaker 2 ...); a pattern never selects them'
complete -c ktool -n '__ktool_is topics alter' -s p -l partitions -x -d 'the new total number of partitions (as create takes it)'
complete -c ktool -n '__ktool_is topics alter' -l if-exists -d 'no error when the topic does not exist (as describe and delete)'
complete -c ktool -n '__ktool_is topics alter' -l dry-run -d 'validate on the broker without changing'
complete -c ktool -n '__ktool_is topics alter' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is topics alter' -f -a '(__ktool_dynamic topics)'

# ktool topics delete
complete -c ktool -n '__ktool_is topics delete' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is topics delete' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics delete' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics delete' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is topics delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is topics delete' -l allow-internal-topics -d 'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, MirrorMaker 2 ...); a pattern never selects them'
complete -c ktool -n '__ktool_is topics delete' -l if-exists -d 'no error for topics (or regexes) that match nothing'
complete -c ktool -n '__ktool_is topics delete' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is topics delete' -f -a '(__ktool_dynamic topics)'

# ktool topics help
complete -c ktool -n '__ktool_is topics help' -f -a 'list describe create alter delete'

# ktool profile
complete -c ktool -n '__ktool_is profile' -f -a 'add' -d 'add or replace a profile (-b is required)'
complete -c ktool -n '__ktool_is profile' -f -a 'use' -d 'make a profile the current one'
complete -c ktool -n '__ktool_is profile' -f -a 'list' -d 'list profiles'
complete -c ktool -n '__ktool_is profile' -f -a 'show' -d 'show a profile (secrets redacted); --resolved shows what a command would use, and where each value came from'
complete -c ktool -n '__ktool_is profile' -f -a 'delete' -d 'delete a profile (asks on a terminal; needs --yes otherwise)'
complete -c ktool -n '__ktool_is profile' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is profile' -s h -l help -d 'display help for command'

# ktool profile add
complete -c ktool -n '__ktool_is profile add' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile add' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile add' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (required)'
complete -c ktool -n '__ktool_is profile add' -l client-id -x -d 'client.id sent to the brokers'
complete -c ktool -n '__ktool_is profile add' -l timeout -x -d 'default timeout for this cluster, e.g. 30s'
complete -c ktool -n '__ktool_is profile add' -l sasl-mechanism -x -a 'PLAIN SCRAM-SHA-256 SCRAM-SHA-512 OAUTHBEARER' -d 'SASL mechanism'
complete -c ktool -n '__ktool_is profile add' -l username -x -d 'SASL username'
complete -c ktool -n '__ktool_is profile add' -l password -x -d 'SASL password, stored in the file (prefer --password-env or --password-command)'
complete -c ktool -n '__ktool_is profile add' -l password-env -x -d 'read the SASL password from this environment variable at connect time'
complete -c ktool -n '__ktool_is profile add' -l password-command -x -d 'run this command at connect time; its stdout is the password'
complete -c ktool -n '__ktool_is profile add' -l token -x -d 'OAUTHBEARER token, stored in the file'
complete -c ktool -n '__ktool_is profile add' -l token-env -x -d 'read the OAUTHBEARER token from this environment variable'
complete -c ktool -n '__ktool_is profile add' -l token-command -x -d 'run this command to get an OAUTHBEARER token'
complete -c ktool -n '__ktool_is profile add' -l tls -d 'connect with TLS'
complete -c ktool -n '__ktool_is profile add' -l ca -r -F -d 'CA certificate (PEM) to trust'
complete -c ktool -n '__ktool_is profile add' -l cert -r -F -d 'client certificate (PEM) for mTLS'
complete -c ktool -n '__ktool_is profile add' -l key -r -F -d 'client private key (PEM) for mTLS'
complete -c ktool -n '__ktool_is profile add' -l server-name -x -d 'TLS server name (SNI) to verify'
complete -c ktool -n '__ktool_is profile add' -l insecure-skip-verify -d 'do not verify the broker certificate (test clusters only)'
complete -c ktool -n '__ktool_is profile add' -l schema-registry -x -d 'the cluster\'s Schema Registry URL, with its base path'
complete -c ktool -n '__ktool_is profile add' -l sr-username -x -d 'Schema Registry basic-auth user'
complete -c ktool -n '__ktool_is profile add' -l sr-password -x -d 'Schema Registry password, stored in the file (prefer --sr-password-env)'
complete -c ktool -n '__ktool_is profile add' -l sr-password-env -x -d 'read the Schema Registry password from this environment variable'
complete -c ktool -n '__ktool_is profile add' -l sr-password-command -x -d 'run this command to get the Schema Registry password'
complete -c ktool -n '__ktool_is profile add' -l sr-token-env -x -d 'read a Schema Registry bearer token from this environment variable'
complete -c ktool -n '__ktool_is profile add' -l sr-ca -r -F -d 'CA certificate (PEM) of an https Schema Registry'
complete -c ktool -n '__ktool_is profile add' -l use -d 'make it the current profile'
complete -c ktool -n '__ktool_is profile add' -s h -l help -d 'display help for command'

# ktool profile use
complete -c ktool -n '__ktool_is profile use' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile use' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile use' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is profile use' -f -a '(__ktool_dynamic profiles)'

# ktool profile list
complete -c ktool -n '__ktool_is profile list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is profile list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is profile list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile list' -s h -l help -d 'display help for command'

# ktool profile show
complete -c ktool -n '__ktool_is profile show' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is profile show' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is profile show' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile show' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile show' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is profile show' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is profile show' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is profile show' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is profile show' -l schema-registry -x -d 'Schema Registry URL with its base path, e.g. http://host:8081 or http://host:8080/apis/ccompat/v7 (env KTOOL_SCHEMA_REGISTRY; schema.registry.url in --command-config; the profile)'
complete -c ktool -n '__ktool_is profile show' -l sr-username -x -d 'Schema Registry basic-auth user'
complete -c ktool -n '__ktool_is profile show' -l sr-password-env -x -d 'read the Schema Registry password from this environment variable'
complete -c ktool -n '__ktool_is profile show' -l sr-token-env -x -d 'read a Schema Registry bearer token from this environment variable'
complete -c ktool -n '__ktool_is profile show' -l sr-ca -r -F -d 'CA certificate (PEM) to trust for an https Schema Registry'
complete -c ktool -n '__ktool_is profile show' -l resolved -d 'apply flags, environment and profile precedence'
complete -c ktool -n '__ktool_is profile show' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is profile show' -f -a '(__ktool_dynamic profiles)'

# ktool profile delete
complete -c ktool -n '__ktool_is profile delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is profile delete' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is profile delete' -f -a '(__ktool_dynamic profiles)'

# ktool profile help
complete -c ktool -n '__ktool_is profile help' -f -a 'add use list show delete'

# ktool local
complete -c ktool -n '__ktool_is local' -f -a 'start' -d 'start a local cluster on free ports and save a profile for it'
complete -c ktool -n '__ktool_is local' -f -a 'stop' -d 'stop a local cluster'
complete -c ktool -n '__ktool_is local' -f -a 'status' -d 'is the local cluster running? (exit 3 when not)'
complete -c ktool -n '__ktool_is local' -f -a 'list' -d 'every local cluster under the cache directory: state (running, stopped, degraded), nodes, bootstrap, version, the profiles pointing at it'
complete -c ktool -n '__ktool_is local' -f -a 'delete' -d 'delete a local cluster\'s data (topics, logs, TLS files) and the profiles `local start` saved for it; asks on a terminal, needs --yes otherwise'
complete -c ktool -n '__ktool_is local' -f -a 'logs' -d 'print a node\'s server log'
complete -c ktool -n '__ktool_is local' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is local' -s h -l help -d 'display help for command'

# ktool local start
complete -c ktool -n '__ktool_is local start' -l name -x -d 'cluster name (also the profile name)'
complete -c ktool -n '__ktool_is local start' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is local start' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is local start' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is local start' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is local start' -l nodes -x -a '1 3' -d 'number of brokers'
complete -c ktool -n '__ktool_is local start' -l sasl -d 'add a SASL_PLAINTEXT listener (PLAIN, SCRAM-SHA-256/512, unsecured-JWT OAUTHBEARER; admin/admin-secret) with an authorizer, and a <name>-sasl profile'
complete -c ktool -n '__ktool_is local start' -l tls -d 'add an SSL listener (own CA, client certificate required; needs openssl) and a <name>-tls profile'
complete -c ktool -n '__ktool_is local start' -l schema-registry -d 'also start a Schema Registry (Apicurio, Confluent API; fetched with mvn once; Java 21+, or 17 with an older Apicurio) and put its URL in the profiles; a cluster started with one restarts it'
complete -c ktool -n '__ktool_is local start' -l fresh -d 'start a stopped cluster anew instead of again with its data'
complete -c ktool -n '__ktool_is local start' -l kafka-version -x -d 'Kafka version to run (default 4.3.1; 3.3 and newer, KRaft)'
complete -c ktool -n '__ktool_is local start' -l version -x -d 'same as --kafka-version (here it is not ktool\'s own version: that is `ktool --version`)'
complete -c ktool -n '__ktool_is local start' -l kafka-home -r -F -d 'use an unpacked Kafka distribution (env KAFKA_HOME)'
complete -c ktool -n '__ktool_is local start' -s h -l help -d 'display help for command'

# ktool local stop
complete -c ktool -n '__ktool_is local stop' -l name -x -d 'cluster name (also the profile name)'
complete -c ktool -n '__ktool_is local stop' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is local stop' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is local stop' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is local stop' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is local stop' -s h -l help -d 'display help for command'

# ktool local status
complete -c ktool -n '__ktool_is local status' -l name -x -d 'cluster name (also the profile name)'
complete -c ktool -n '__ktool_is local status' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is local status' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is local status' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is local status' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is local status' -s h -l help -d 'display help for command'

# ktool local list
complete -c ktool -n '__ktool_is local list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is local list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is local list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is local list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is local list' -s h -l help -d 'display help for command'

# ktool local delete
complete -c ktool -n '__ktool_is local delete' -l stop -d 'stop it first when it is running (otherwise a running cluster is refused)'
complete -c ktool -n '__ktool_is local delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is local delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is local delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is local delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is local delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is local delete' -s h -l help -d 'display help for command'

# ktool local logs
complete -c ktool -n '__ktool_is local logs' -l name -x -d 'cluster name (also the profile name)'
complete -c ktool -n '__ktool_is local logs' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is local logs' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is local logs' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is local logs' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is local logs' -l node -x -d 'node id'
complete -c ktool -n '__ktool_is local logs' -s n -l lines -x -d 'how many lines from the end'
complete -c ktool -n '__ktool_is local logs' -s f -l follow -d 'keep printing new lines until Ctrl-C'
complete -c ktool -n '__ktool_is local logs' -s h -l help -d 'display help for command'

# ktool local help
complete -c ktool -n '__ktool_is local help' -f -a 'start stop status list delete logs'

# ktool produce
complete -c ktool -n '__ktool_is produce' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is produce' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is produce' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is produce' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is produce' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is produce' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is produce' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is produce' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is produce' -l topic -x -a '(__ktool_dynamic topics)' -d 'the topic (kafka-console-producer spelling of TOPIC)'
complete -c ktool -n '__ktool_is produce' -s f -l file -r -F -d 'read this file instead of standard input, repeatable'
complete -c ktool -n '__ktool_is produce' -l input -x -d 'line (one record per line), whole (one record per file or stdin), json (one JSON envelope per line, as consume --json prints; an unknown field is an error)'
complete -c ktool -n '__ktool_is produce' -s k -l key -x -d 'the key of every record'
complete -c ktool -n '__ktool_is produce' -s K -l key-separator -x -d 'each line is KEY<sep>VALUE (\\t for a tab)'
complete -c ktool -n '__ktool_is produce' -s H -l header -x -d 'a header on every record, repeatable'
complete -c ktool -n '__ktool_is produce' -l property -x -d 'line reader property: parse.key, key.separator, parse.headers, headers.delimiter, headers.separator, headers.key.separator, null.marker, ignore.error'
complete -c ktool -n '__ktool_is produce' -l reader-property -x -d 'same as --property (KIP-1147)'
complete -c ktool -n '__ktool_is produce' -l key-encoding -x -a 'text json base64 hex' -d 'how keys are written in the input: text|json|base64|hex'
complete -c ktool -n '__ktool_is produce' -l value-encoding -x -a 'text json base64 hex' -d 'how values are written in the input: text|json|base64|hex'
complete -c ktool -n '__ktool_is produce' -l null-marker -x -d 'a key or value equal to this is null (a value: a tombstone)'
complete -c ktool -n '__ktool_is produce' -s p -l partition -x -d 'write every record to this partition (default: by key hash, as the Java client)'
complete -c ktool -n '__ktool_is produce' -l keep-partitions -d '--input json: keep each record\'s partition also when writing to another topic'
complete -c ktool -n '__ktool_is produce' -l acks -x -d '0, 1 or all (default: all)'
complete -c ktool -n '__ktool_is produce' -l no-idempotence -d 'turn off idempotence (on by default with --acks all)'
complete -c ktool -n '__ktool_is produce' -l compression -x -a 'none gzip snappy lz4 zstd' -d 'none|gzip|snappy|lz4|zstd (default: none)'
complete -c ktool -n '__ktool_is produce' -l batch-size -x -d 'bytes per produce request, e.g. 1MB (default 1000000); a batch over the topic\'s max.message.bytes is split and sent again in order, a record over it alone fails'
complete -c ktool -n '__ktool_is produce' -l linger-ms -x -d 'wait this long for more input before sending a partial batch (default 5)'
complete -c ktool -n '__ktool_is produce' -l rate -x -d 'at most this many records per second, e.g. 1000/s'
complete -c ktool -n '__ktool_is produce' -s X -l producer-property -x -d 'Java producer setting (acks, compression.type, batch.size, linger.ms, enable.idempotence, transactional.id, retries, max.in.flight.requests.per.connection: 5, at most 5 with idempotence, ...), repeatable'
complete -c ktool -n '__ktool_is produce' -l transactional-id -x -d 'write the whole input in one transaction (aborted on any error); reuse the id every run: a new run aborts what a killed one left open and fences one still running (-X transaction.timeout.ms, default 60000)'
complete -c ktool -n '__ktool_is produce' -l on-error -x -d 'a bad input line: fail (stop; nothing after it is sent) or skip'
complete -c ktool -n '__ktool_is produce' -s q -l quiet -d 'no summary line on stderr unless something failed, was skipped or interrupted (--json: the summary is the JSON on stdout only)'
complete -c ktool -n '__ktool_is produce' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is produce' -f -a '(__ktool_dynamic topics)'

# ktool consume
complete -c ktool -n '__ktool_is consume' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is consume' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is consume' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is consume' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is consume' -l topic -x -a '(__ktool_dynamic topics)' -d 'topic to read (kafka-console-consumer spelling), repeatable'
complete -c ktool -n '__ktool_is consume' -l include -x -d 'also read every topic matching REGEX'
complete -c ktool -n '__ktool_is consume' -s o -l offset -x -d 'start|end|N|-N|+N|N:M|@TIME|@T1:@T2|@TIME:end (TIME: epoch ms, ISO-8601, or relative like -1h); earliest|latest (default: end, new records; start with -e or -n, as kcat)'
complete -c ktool -n '__ktool_is consume' -l from-beginning -d 'same as -o start'
complete -c ktool -n '__ktool_is consume' -s p -l partition -x -d 'read only these partitions of every topic, e.g. 0,2 or 0-3 (kcat -p; kafka-console-consumer --partition N); of one topic: TOPIC:0,2'
complete -c ktool -n '__ktool_is consume' -s P -l partitions -x -d 'same as -p'
complete -c ktool -n '__ktool_is consume' -s n -l max-messages -x -d 'stop after N records written (without -o: the first N, from the start)'
complete -c ktool -n '__ktool_is consume' -s e -l exit -d 'stop when every partition reached the end it had at start (without -o: read from the start)'
complete -c ktool -n '__ktool_is consume' -l timeout-ms -x -d 'stop after this long without records'
complete -c ktool -n '__ktool_is consume' -l fetch-max-bytes -x -d 'bytes per fetch response, e.g. 8MB for a distant cluster (default 1MB; bounds memory)'
complete -c ktool -n '__ktool_is consume' -s g -l group -x -a '(__ktool_dynamic groups)' -d 'read as a member of this consumer group and commit what was written; a fail-over or a cluster restart is waited out for up to --timeout'
complete -c ktool -n '__ktool_is consume' -l group-protocol -x -a 'classic consumer' -d 'group protocol: classic or consumer (KIP-848)'
complete -c ktool -n '__ktool_is consume' -l isolation-level -x -a 'read_committed read_uncommitted' -d 'read_committed hides aborted transactions'
complete -c ktool -n '__ktool_is consume' -s f -l template -x -d 'a kcat template: %t %p %o %k %v %s %S %K %h %T %d, \\n \\t (e.g. \'%k=%v\\n\')'
complete -c ktool -n '__ktool_is consume' -l format -x -d 'json (NDJSON envelopes, as --json) or yaml (one YAML document per record, the same envelope); table and wide are refused: records are a stream'
complete -c ktool -n '__ktool_is consume' -l json -d 'NDJSON envelopes {topic,partition,offset,timestamp,timestampType,key,value,headers}, plus keyEncoding/valueEncoding/headerEncoding when not text'
complete -c ktool -n '__ktool_is consume' -l key-encoding -x -a 'text json base64 hex' -d 'with --json or --format yaml: text (base64 when not UTF-8), json, base64 or hex'
complete -c ktool -n '__ktool_is consume' -l value-encoding -x -a 'text json base64 hex' -d 'with --json or --format yaml: text (base64 when not UTF-8), json (embed JSON values), base64 or hex'
complete -c ktool -n '__ktool_is consume' -l property -x -d 'kafka-console-consumer formatter property (print.key=true, key.separator=, ...), repeatable'
complete -c ktool -n '__ktool_is consume' -l formatter-property -x -d 'same as --property'
complete -c ktool -n '__ktool_is consume' -l grep -x -d 'only records whose value matches'
complete -c ktool -n '__ktool_is consume' -l key-grep -x -d 'only records whose key matches'
complete -c ktool -n '__ktool_is consume' -l header -x -d 'only records with this header, repeatable'
complete -c ktool -n '__ktool_is consume' -s v -l verbose -d 'print counts on stderr at the end'
complete -c ktool -n '__ktool_is consume' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is consume' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is consume' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is consume' -f -a '(__ktool_dynamic topics)'

# ktool completion
complete -c ktool -n '__ktool_is completion' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is completion' -f -a 'bash zsh fish'

# ktool configs
complete -c ktool -n '__ktool_is configs' -f -a 'describe' -d 'configs with each value\'s source, sensitivity and read-only flag; quotas for users/clients/ips'
complete -c ktool -n '__ktool_is configs' -f -a 'alter' -d 'change configs with IncrementalAlterConfigs (never read-modify-write), or client quotas; an internal topic\'s configs only with --allow-internal-topics'
complete -c ktool -n '__ktool_is configs' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is configs' -s h -l help -d 'display help for command'

# ktool configs describe
complete -c ktool -n '__ktool_is configs describe' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is configs describe' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is configs describe' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is configs describe' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is configs describe' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is configs describe' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is configs describe' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is configs describe' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is configs describe' -l entity-type -x -d 'topics, brokers, broker-loggers, users, clients, ips, groups or client-metrics (repeat it for a user + client pair)'
complete -c ktool -n '__ktool_is configs describe' -l entity-name -x -d 'the entity (a broker by id), paired in order with --entity-type'
complete -c ktool -n '__ktool_is configs describe' -l entity-default -d 'the default entity (brokers, users, clients, ips)'
complete -c ktool -n '__ktool_is configs describe' -l topic -x -a '(__ktool_dynamic topics)' -d 'shortcut: --entity-type topics --entity-name TOPIC'
complete -c ktool -n '__ktool_is configs describe' -l broker -x -d 'shortcut: --entity-type brokers --entity-name ID'
complete -c ktool -n '__ktool_is configs describe' -l broker-defaults -d 'shortcut: --entity-type brokers --entity-default'
complete -c ktool -n '__ktool_is configs describe' -l broker-logger -x -d 'shortcut: --entity-type broker-loggers --entity-name ID'
complete -c ktool -n '__ktool_is configs describe' -l user -x -d 'shortcut: --entity-type users --entity-name USER (quotas)'
complete -c ktool -n '__ktool_is configs describe' -l user-defaults -d 'shortcut: --entity-type users --entity-default'
complete -c ktool -n '__ktool_is configs describe' -l client -x -d 'shortcut: --entity-type clients --entity-name CLIENT (quotas)'
complete -c ktool -n '__ktool_is configs describe' -l client-defaults -d 'shortcut: --entity-type clients --entity-default'
complete -c ktool -n '__ktool_is configs describe' -l ip -x -d 'shortcut: --entity-type ips --entity-name IP (connection quotas)'
complete -c ktool -n '__ktool_is configs describe' -l ip-defaults -d 'shortcut: --entity-type ips --entity-default'
complete -c ktool -n '__ktool_is configs describe' -l group -x -a '(__ktool_dynamic groups)' -d 'shortcut: --entity-type groups --entity-name GROUP'
complete -c ktool -n '__ktool_is configs describe' -l client-metrics -x -d 'shortcut: --entity-type client-metrics --entity-name NAME'
complete -c ktool -n '__ktool_is configs describe' -l all -d 'every config, also those from broker defaults and built-in defaults'
complete -c ktool -n '__ktool_is configs describe' -s h -l help -d 'display help for command'

# ktool configs alter
complete -c ktool -n '__ktool_is configs alter' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is configs alter' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is configs alter' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is configs alter' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is configs alter' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is configs alter' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is configs alter' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is configs alter' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is configs alter' -l entity-type -x -d 'topics, brokers, broker-loggers, users, clients, ips, groups or client-metrics (repeat it for a user + client pair)'
complete -c ktool -n '__ktool_is configs alter' -l entity-name -x -d 'the entity (a broker by id), paired in order with --entity-type'
complete -c ktool -n '__ktool_is configs alter' -l entity-default -d 'the default entity (brokers, users, clients, ips)'
complete -c ktool -n '__ktool_is configs alter' -l topic -x -a '(__ktool_dynamic topics)' -d 'shortcut: --entity-type topics --entity-name TOPIC'
complete -c ktool -n '__ktool_is configs alter' -l broker -x -d 'shortcut: --entity-type brokers --entity-name ID'
complete -c ktool -n '__ktool_is configs alter' -l broker-defaults -d 'shortcut: --entity-type brokers --entity-default'
complete -c ktool -n '__ktool_is configs alter' -l broker-logger -x -d 'shortcut: --entity-type broker-loggers --entity-name ID'
complete -c ktool -n '__ktool_is configs alter' -l user -x -d 'shortcut: --entity-type users --entity-name USER (quotas)'
complete -c ktool -n '__ktool_is configs alter' -l user-defaults -d 'shortcut: --entity-type users --entity-default'
complete -c ktool -n '__ktool_is configs alter' -l client -x -d 'shortcut: --entity-type clients --entity-name CLIENT (quotas)'
complete -c ktool -n '__ktool_is configs alter' -l client-defaults -d 'shortcut: --entity-type clients --entity-default'
complete -c ktool -n '__ktool_is configs alter' -l ip -x -d 'shortcut: --entity-type ips --entity-name IP (connection quotas)'
complete -c ktool -n '__ktool_is configs alter' -l ip-defaults -d 'shortcut: --entity-type ips --entity-default'
complete -c ktool -n '__ktool_is configs alter' -l group -x -a '(__ktool_dynamic groups)' -d 'shortcut: --entity-type groups --entity-name GROUP'
complete -c ktool -n '__ktool_is configs alter' -l client-metrics -x -d 'shortcut: --entity-type client-metrics --entity-name NAME'
complete -c ktool -n '__ktool_is configs alter' -l allow-internal-topics -d 'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, MirrorMaker 2 ...); a pattern never selects them'
complete -c ktool -n '__ktool_is configs alter' -l add-config -x -d 'set configs: \'k1=v1,k2=[a,b]\' (a list in brackets), repeatable'
complete -c ktool -n '__ktool_is configs alter' -l add-config-file -r -F -d 'set the configs in this properties file'
complete -c ktool -n '__ktool_is configs alter' -l delete-config -x -d 'revert configs to their default, repeatable'
complete -c ktool -n '__ktool_is configs alter' -l append -x -d 'add values to a list config, repeatable'
complete -c ktool -n '__ktool_is configs alter' -l subtract -x -d 'remove values from a list config, repeatable'
complete -c ktool -n '__ktool_is configs alter' -l dry-run -d 'validate on the broker without changing anything'
complete -c ktool -n '__ktool_is configs alter' -s h -l help -d 'display help for command'

# ktool configs help
complete -c ktool -n '__ktool_is configs help' -f -a 'describe alter'

# ktool cluster
complete -c ktool -n '__ktool_is cluster' -f -a 'info' -d 'cluster id, controller, brokers (id, host:port, rack) and features'
complete -c ktool -n '__ktool_is cluster' -f -a 'health' -d 'offline, under-replicated and under-min-ISR partitions (of every topic, or these); exit code 6 when there are any'
complete -c ktool -n '__ktool_is cluster' -f -a 'log-dirs' -d 'size on disk per broker, log dir, topic and partition (kafka-log-dirs.sh)'
complete -c ktool -n '__ktool_is cluster' -f -a 'api-versions' -d 'the API versions every broker supports (kafka-broker-api-versions.sh)'
complete -c ktool -n '__ktool_is cluster' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is cluster' -s h -l help -d 'display help for command'

# ktool cluster info
complete -c ktool -n '__ktool_is cluster info' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is cluster info' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster info' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster info' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is cluster info' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster info' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster info' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster info' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster info' -s h -l help -d 'display help for command'

# ktool cluster health
complete -c ktool -n '__ktool_is cluster health' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is cluster health' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster health' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster health' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is cluster health' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster health' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster health' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster health' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster health' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is cluster health' -f -a '(__ktool_dynamic topics)'

# ktool cluster log-dirs
complete -c ktool -n '__ktool_is cluster log-dirs' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is cluster log-dirs' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster log-dirs' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster log-dirs' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is cluster log-dirs' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster log-dirs' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster log-dirs' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster log-dirs' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster log-dirs' -l topic -x -a '(__ktool_dynamic topics)' -d 'only this topic, repeatable'
complete -c ktool -n '__ktool_is cluster log-dirs' -l topic-list -x -d 'only these topics (kafka-log-dirs.sh spelling)'
complete -c ktool -n '__ktool_is cluster log-dirs' -l describe -d 'accepted for kafka-log-dirs.sh compatibility; does nothing'
complete -c ktool -n '__ktool_is cluster log-dirs' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is cluster log-dirs' -f -a '(__ktool_dynamic topics)'

# ktool cluster api-versions
complete -c ktool -n '__ktool_is cluster api-versions' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is cluster api-versions' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster api-versions' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster api-versions' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is cluster api-versions' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster api-versions' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster api-versions' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster api-versions' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster api-versions' -s h -l help -d 'display help for command'

# ktool cluster help
complete -c ktool -n '__ktool_is cluster help' -f -a 'info health log-dirs api-versions'

# ktool offsets
complete -c ktool -n '__ktool_is offsets' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is offsets' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is offsets' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is offsets' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is offsets' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is offsets' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is offsets' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is offsets' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is offsets' -l time -x -d 'earliest, latest, max-timestamp, earliest-local, latest-tiered (or -2, -1, -3, -4, -5), or a time: epoch ms, ISO-8601 (UTC without a zone) or relative like -1h, @ optional (default latest)'
complete -c ktool -n '__ktool_is offsets' -l topic -x -a '(__ktool_dynamic topics)' -d 'kafka-get-offsets.sh: the topic (a regex), repeatable'
complete -c ktool -n '__ktool_is offsets' -s p -l partition -x -d 'only these partitions of every topic named, e.g. 0,2 or 0-3 (as TOPIC:0,2), repeatable'
complete -c ktool -n '__ktool_is offsets' -s P -l partitions -x -d 'same as -p (kafka-get-offsets.sh spelling, with --topic)'
complete -c ktool -n '__ktool_is offsets' -l topic-partitions -x -d 'kafka-get-offsets.sh: t1:0-2,t2:1,t3 (N-M excludes M, as there)'
complete -c ktool -n '__ktool_is offsets' -l exclude-internal-topics -d 'with no topic named: skip internal topics'
complete -c ktool -n '__ktool_is offsets' -l isolation -x -d 'read_uncommitted (default) or read_committed (latest = last stable offset)'
complete -c ktool -n '__ktool_is offsets' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is offsets' -f -a '(__ktool_dynamic topics)'

# ktool delete-records
complete -c ktool -n '__ktool_is delete-records' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is delete-records' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is delete-records' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is delete-records' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is delete-records' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is delete-records' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is delete-records' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is delete-records' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is delete-records' -l before -x -d 'delete records below OFFSET, all records (end), or those older than @TIME (epoch ms, ISO-8601 or relative like @-1h; the @ is required)'
complete -c ktool -n '__ktool_is delete-records' -l offset-json-file -r -F -d 'kafka-delete-records.sh JSON: {"partitions": [{"topic": "t", "partition": 0, "offset": 3}], "version": 1}'
complete -c ktool -n '__ktool_is delete-records' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is delete-records' -l allow-internal-topics -d 'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, MirrorMaker 2 ...); a pattern never selects them'
complete -c ktool -n '__ktool_is delete-records' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is delete-records' -f -a '(__ktool_dynamic topics)'

# ktool groups
complete -c ktool -n '__ktool_is groups' -f -a 'list' -d 'consumer groups with state, type, protocol, member count and total lag'
complete -c ktool -n '__ktool_is groups' -f -a 'describe' -d 'per partition CURRENT-OFFSET, LOG-END-OFFSET, LAG and owner (--offsets, the default), the members, or the state'
complete -c ktool -n '__ktool_is groups' -f -a 'reset-offsets' -d 'move committed offsets (dry run unless --execute; the group must have no active members)'
complete -c ktool -n '__ktool_is groups' -f -a 'delete' -d 'delete groups and their committed offsets (the groups must be empty); asks on a terminal, needs --yes otherwise'
complete -c ktool -n '__ktool_is groups' -f -a 'delete-offsets' -d 'delete a group\'s committed offsets of some topics or partitions; asks on a terminal, needs --yes otherwise'
complete -c ktool -n '__ktool_is groups' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is groups' -s h -l help -d 'display help for command'

# ktool groups list
complete -c ktool -n '__ktool_is groups list' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is groups list' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is groups list' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is groups list' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is groups list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is groups list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is groups list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is groups list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is groups list' -l state -x -d 'only groups in these states: Stable,Empty,PreparingRebalance,CompletingRebalance,Dead,Assigning,Reconciling'
complete -c ktool -n '__ktool_is groups list' -l type -x -d 'only groups of these types: classic,consumer'
complete -c ktool -n '__ktool_is groups list' -s h -l help -d 'display help for command'

# ktool groups describe
complete -c ktool -n '__ktool_is groups describe' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is groups describe' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is groups describe' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is groups describe' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is groups describe' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is groups describe' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is groups describe' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is groups describe' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is groups describe' -l group -x -a '(__ktool_dynamic groups)' -d 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable'
complete -c ktool -n '__ktool_is groups describe' -l all-groups -d 'every consumer group'
complete -c ktool -n '__ktool_is groups describe' -l offsets -d 'committed and end offsets, lag and owner per partition (default)'
complete -c ktool -n '__ktool_is groups describe' -l members -d 'the members: id, host, client id, partition count'
complete -c ktool -n '__ktool_is groups describe' -l state -d 'coordinator, assignment strategy, state and member count'
complete -c ktool -n '__ktool_is groups describe' -l verbose -d 'with --members: the assignments; with --state: the epochs'
complete -c ktool -n '__ktool_is groups describe' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is groups describe' -f -a '(__ktool_dynamic groups)'

# ktool groups reset-offsets
complete -c ktool -n '__ktool_is groups reset-offsets' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is groups reset-offsets' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is groups reset-offsets' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is groups reset-offsets' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is groups reset-offsets' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is groups reset-offsets' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is groups reset-offsets' -l group -x -a '(__ktool_dynamic groups)' -d 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable'
complete -c ktool -n '__ktool_is groups reset-offsets' -l all-groups -d 'every consumer group'
complete -c ktool -n '__ktool_is groups reset-offsets' -l topic -x -a '(__ktool_dynamic topics)' -d 'a topic, or some of its partitions, repeatable'
complete -c ktool -n '__ktool_is groups reset-offsets' -l all-topics -d 'every partition the group has a committed offset for'
complete -c ktool -n '__ktool_is groups reset-offsets' -l to-earliest -d 'to the log start offset'
complete -c ktool -n '__ktool_is groups reset-offsets' -l to-latest -d 'to the log end offset'
complete -c ktool -n '__ktool_is groups reset-offsets' -l to-current -d 'to the committed offset (the log end where there is none)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l to-offset -x -d 'to offset N (clamped to the log)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l shift-by -x -d 'by N, negative to go back (clamped to the log)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l to-datetime -x -d 'to the first record at or after YYYY-MM-DDTHH:mm:SS.sss (UTC unless a zone is given), or any ktool time: epoch ms, a date, relative like -1h'
complete -c ktool -n '__ktool_is groups reset-offsets' -l by-duration -x -d 'to the first record at or after now minus PnDTnHnMnS (or 1h, 30m)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l from-file -x -d 'to the offsets in a CSV of topic,partition,offset or group,topic,partition,offset (what --export prints)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l execute -d 'commit the new offsets (stderr then says how many, per group; without it: a dry run, said on stderr)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l dry-run -d 'only show the plan (the default)'
complete -c ktool -n '__ktool_is groups reset-offsets' -l export -d 'print the plan as CSV for --from-file'
complete -c ktool -n '__ktool_is groups reset-offsets' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is groups reset-offsets' -f -a '(__ktool_dynamic groups)'

# ktool groups delete
complete -c ktool -n '__ktool_is groups delete' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is groups delete' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is groups delete' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is groups delete' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is groups delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is groups delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is groups delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is groups delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is groups delete' -l group -x -a '(__ktool_dynamic groups)' -d 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable'
complete -c ktool -n '__ktool_is groups delete' -l all-groups -d 'every consumer group (kafka-consumer-groups.sh --delete --all-groups): lists them and asks'
complete -c ktool -n '__ktool_is groups delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is groups delete' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is groups delete' -f -a '(__ktool_dynamic groups)'

# ktool groups delete-offsets
complete -c ktool -n '__ktool_is groups delete-offsets' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is groups delete-offsets' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is groups delete-offsets' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is groups delete-offsets' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is groups delete-offsets' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is groups delete-offsets' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is groups delete-offsets' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is groups delete-offsets' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is groups delete-offsets' -l group -x -a '(__ktool_dynamic groups)' -d 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable'
complete -c ktool -n '__ktool_is groups delete-offsets' -l topic -x -a '(__ktool_dynamic topics)' -d 'a topic, or some of its partitions, repeatable'
complete -c ktool -n '__ktool_is groups delete-offsets' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is groups delete-offsets' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is groups delete-offsets' -f -a '(__ktool_dynamic groups)'

# ktool groups help
complete -c ktool -n '__ktool_is groups help' -f -a 'list describe reset-offsets delete delete-offsets'

# ktool lag
complete -c ktool -n '__ktool_is lag' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is lag' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is lag' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is lag' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is lag' -l format -x -a 'table wide json yaml prometheus' -d 'output format: table|wide|json|yaml|prometheus'
complete -c ktool -n '__ktool_is lag' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is lag' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is lag' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is lag' -l group -x -a '(__ktool_dynamic groups)' -d 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable'
complete -c ktool -n '__ktool_is lag' -l topic -x -a '(__ktool_dynamic topics)' -d 'only these topics, or some of their partitions (orders:0,2), repeatable; a topic that does not exist is exit 3 (with a guess), and so is one no partition matches with --max-lag/--max-time-lag'
complete -c ktool -n '__ktool_is lag' -l watch -x -d 'redraw every interval (default 5s) with the trend; NDJSON lines when not a terminal'
complete -c ktool -n '__ktool_is lag' -l count -x -d 'with --watch: stop after N samples'
complete -c ktool -n '__ktool_is lag' -l max-lag -x -d 'exit 6 if any partition lags more than N records (they are listed on stderr)'
complete -c ktool -n '__ktool_is lag' -l max-time-lag -x -d 'exit 6 if any partition lags more than this (e.g. 5m)'
complete -c ktool -n '__ktool_is lag' -l no-time-lag -d 'skip reading the records at the committed offsets (faster; no time lag)'
complete -c ktool -n '__ktool_is lag' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is lag' -f -a '(__ktool_dynamic groups)'

# ktool acls
complete -c ktool -n '__ktool_is acls' -f -a 'list' -d 'ACLs: principal, host, operation, permission and resource'
complete -c ktool -n '__ktool_is acls' -f -a 'create' -d 'add ACLs: each principal x operation x host on each resource (--operation defaults to All)'
complete -c ktool -n '__ktool_is acls' -f -a 'delete' -d 'delete ACLs matching a filter; lists them and asks on a terminal, needs --yes otherwise'
complete -c ktool -n '__ktool_is acls' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is acls' -s h -l help -d 'display help for command'

# ktool acls list
complete -c ktool -n '__ktool_is acls list' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is acls list' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is acls list' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is acls list' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is acls list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is acls list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is acls list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is acls list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is acls list' -l topic -x -a '(__ktool_dynamic topics)' -d 'a topic (\'*\' for every topic), repeatable'
complete -c ktool -n '__ktool_is acls list' -l group -x -a '(__ktool_dynamic groups)' -d 'a consumer group (\'*\' for every group), repeatable'
complete -c ktool -n '__ktool_is acls list' -l cluster -d 'the cluster resource'
complete -c ktool -n '__ktool_is acls list' -l transactional-id -x -d 'a transactional id (\'*\' for every id), repeatable'
complete -c ktool -n '__ktool_is acls list' -l delegation-token -x -d 'a delegation token, repeatable'
complete -c ktool -n '__ktool_is acls list' -l user-principal -x -d 'a user principal as the resource (for CreateTokens/DescribeTokens), repeatable'
complete -c ktool -n '__ktool_is acls list' -l resource-pattern-type -x -d 'literal (default with a resource), prefixed, any (default without) or match (every ACL that applies to the resource)'
complete -c ktool -n '__ktool_is acls list' -l principal -x -d 'only ACLs of this TYPE:NAME, repeatable'
complete -c ktool -n '__ktool_is acls list' -l operation -x -d 'only these operations (comma-separated, repeatable)'
complete -c ktool -n '__ktool_is acls list' -s h -l help -d 'display help for command'

# ktool acls create
complete -c ktool -n '__ktool_is acls create' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is acls create' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is acls create' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is acls create' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is acls create' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is acls create' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is acls create' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is acls create' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is acls create' -l topic -x -a '(__ktool_dynamic topics)' -d 'a topic (\'*\' for every topic), repeatable'
complete -c ktool -n '__ktool_is acls create' -l group -x -a '(__ktool_dynamic groups)' -d 'a consumer group (\'*\' for every group), repeatable'
complete -c ktool -n '__ktool_is acls create' -l cluster -d 'the cluster resource'
complete -c ktool -n '__ktool_is acls create' -l transactional-id -x -d 'a transactional id (\'*\' for every id), repeatable'
complete -c ktool -n '__ktool_is acls create' -l delegation-token -x -d 'a delegation token, repeatable'
complete -c ktool -n '__ktool_is acls create' -l user-principal -x -d 'a user principal as the resource (for CreateTokens/DescribeTokens), repeatable'
complete -c ktool -n '__ktool_is acls create' -l resource-pattern-type -x -d 'literal (default) or prefixed'
complete -c ktool -n '__ktool_is acls create' -l allow-principal -x -d 'TYPE:NAME to allow, e.g. User:alice (User:\'*\' is everyone), repeatable'
complete -c ktool -n '__ktool_is acls create' -l deny-principal -x -d 'TYPE:NAME to deny (a deny wins over any allow), repeatable'
complete -c ktool -n '__ktool_is acls create' -l allow-host -x -d 'IP address the allowed principals may connect from (default *), repeatable'
complete -c ktool -n '__ktool_is acls create' -l deny-host -x -d 'IP address the denied principals are denied from (default *), repeatable'
complete -c ktool -n '__ktool_is acls create' -l operation -x -d 'Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, TwoPhaseCommit or All; comma-separated, repeatable'
complete -c ktool -n '__ktool_is acls create' -l producer -d 'producer role: Write, Describe, Create on --topic (and Write, Describe on --transactional-id)'
complete -c ktool -n '__ktool_is acls create' -l idempotent -d 'with --producer: IdempotentWrite on the cluster'
complete -c ktool -n '__ktool_is acls create' -l consumer -d 'consumer role: Read, Describe on --topic and Read on --group'
complete -c ktool -n '__ktool_is acls create' -s h -l help -d 'display help for command'

# ktool acls delete
complete -c ktool -n '__ktool_is acls delete' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is acls delete' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is acls delete' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is acls delete' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is acls delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is acls delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is acls delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is acls delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is acls delete' -l topic -x -a '(__ktool_dynamic topics)' -d 'a topic (\'*\' for every topic), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l group -x -a '(__ktool_dynamic groups)' -d 'a consumer group (\'*\' for every group), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l cluster -d 'the cluster resource'
complete -c ktool -n '__ktool_is acls delete' -l transactional-id -x -d 'a transactional id (\'*\' for every id), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l delegation-token -x -d 'a delegation token, repeatable'
complete -c ktool -n '__ktool_is acls delete' -l user-principal -x -d 'a user principal as the resource (for CreateTokens/DescribeTokens), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l resource-pattern-type -x -d 'literal (default), prefixed, any or match (careful: every ACL that applies)'
complete -c ktool -n '__ktool_is acls delete' -l allow-principal -x -d 'TYPE:NAME to allow, e.g. User:alice (User:\'*\' is everyone), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l deny-principal -x -d 'TYPE:NAME to deny (a deny wins over any allow), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l allow-host -x -d 'IP address the allowed principals may connect from (default *), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l deny-host -x -d 'IP address the denied principals are denied from (default *), repeatable'
complete -c ktool -n '__ktool_is acls delete' -l operation -x -d 'Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, TwoPhaseCommit or All; comma-separated, repeatable'
complete -c ktool -n '__ktool_is acls delete' -l producer -d 'producer role: Write, Describe, Create on --topic (and Write, Describe on --transactional-id)'
complete -c ktool -n '__ktool_is acls delete' -l idempotent -d 'with --producer: IdempotentWrite on the cluster'
complete -c ktool -n '__ktool_is acls delete' -l consumer -d 'consumer role: Read, Describe on --topic and Read on --group'
complete -c ktool -n '__ktool_is acls delete' -l principal -x -d 'ACLs of this TYPE:NAME, allow or deny, repeatable'
complete -c ktool -n '__ktool_is acls delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is acls delete' -l force -d 'alias of --yes (kafka-acls.sh)'
complete -c ktool -n '__ktool_is acls delete' -s h -l help -d 'display help for command'

# ktool acls help
complete -c ktool -n '__ktool_is acls help' -f -a 'list create delete'

# ktool users
complete -c ktool -n '__ktool_is users' -f -a 'list' -d 'users with SCRAM credentials: mechanism and iterations (never salts or keys)'
complete -c ktool -n '__ktool_is users' -f -a 'create' -d 'create a SCRAM user or replace its password; the password is read from standard input, or asked without echo on a terminal'
complete -c ktool -n '__ktool_is users' -f -a 'delete' -d 'delete users\' SCRAM credentials (asks on a terminal; needs --yes otherwise)'
complete -c ktool -n '__ktool_is users' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is users' -s h -l help -d 'display help for command'

# ktool users list
complete -c ktool -n '__ktool_is users list' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is users list' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is users list' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is users list' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is users list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is users list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is users list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is users list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is users list' -s h -l help -d 'display help for command'

# ktool users create
complete -c ktool -n '__ktool_is users create' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is users create' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is users create' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is users create' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is users create' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is users create' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is users create' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is users create' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is users create' -l mechanism -x -d 'SCRAM-SHA-256 and/or SCRAM-SHA-512 (default SCRAM-SHA-512); comma-separated, repeatable'
complete -c ktool -n '__ktool_is users create' -l iterations -x -d 'PBKDF2 iterations, 4096-16384 (default 8192)'
complete -c ktool -n '__ktool_is users create' -l password -x -d 'the password on the command line (visible in ps and shell history: prefer standard input)'
complete -c ktool -n '__ktool_is users create' -s h -l help -d 'display help for command'

# ktool users delete
complete -c ktool -n '__ktool_is users delete' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too'
complete -c ktool -n '__ktool_is users delete' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is users delete' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is users delete' -l timeout -x -d 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4'
complete -c ktool -n '__ktool_is users delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is users delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is users delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is users delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is users delete' -l mechanism -x -d 'only this mechanism (default: every one the user has); comma-separated, repeatable'
complete -c ktool -n '__ktool_is users delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is users delete' -s h -l help -d 'display help for command'

# ktool users help
complete -c ktool -n '__ktool_is users help' -f -a 'list create delete'

# ktool mirror
complete -c ktool -n '__ktool_is mirror' -f -a 'verify' -d 'records per partition on both sides and the difference; --deep compares contents (exit 6 on mismatch)'
complete -c ktool -n '__ktool_is mirror' -f -a 'deploy' -d 'create or update MirrorMaker 2 connectors on a Kafka Connect cluster from the same options'
complete -c ktool -n '__ktool_is mirror' -f -a 'status' -d 'connector and task states of the MirrorMaker 2 connectors'
complete -c ktool -n '__ktool_is mirror' -f -a 'pause' -d 'pause the MirrorMaker 2 connectors'
complete -c ktool -n '__ktool_is mirror' -f -a 'resume' -d 'resume the MirrorMaker 2 connectors'
complete -c ktool -n '__ktool_is mirror' -f -a 'delete' -d 'delete the MirrorMaker 2 connectors (lists them and asks on a terminal; needs --yes otherwise)'
complete -c ktool -n '__ktool_is mirror' -l from -x -d 'source cluster: a profile'
complete -c ktool -n '__ktool_is mirror' -l from-bootstrap -x -d 'source cluster: HOST:PORT[,HOST:PORT]'
complete -c ktool -n '__ktool_is mirror' -l from-config -r -F -d 'source cluster: kafka client properties file (security, bootstrap.servers)'
complete -c ktool -n '__ktool_is mirror' -l to -x -d 'target cluster: a profile'
complete -c ktool -n '__ktool_is mirror' -l to-bootstrap -x -d 'target cluster: HOST:PORT[,HOST:PORT]'
complete -c ktool -n '__ktool_is mirror' -l to-config -r -F -d 'target cluster: kafka client properties file'
complete -c ktool -n '__ktool_is mirror' -l timeout -x -d 'connect/request timeout, e.g. 10s'
complete -c ktool -n '__ktool_is mirror' -l topics -x -a '(__ktool_dynamic topics)' -d 'source topics to mirror (whole-name regular expression)'
complete -c ktool -n '__ktool_is mirror' -l exclude -x -d 'leave out the topics matching this'
complete -c ktool -n '__ktool_is mirror' -l rename -x -d 'target topic names, e.g. \'src.{topic}\' (default: the same names)'
complete -c ktool -n '__ktool_is mirror' -s g -l group -x -a '(__ktool_dynamic groups)' -d 'consumer group on the source (default: derived from --from, --to and --rename); only offsets it committed for the same target topic are resumed from'
complete -c ktool -n '__ktool_is mirror' -l sync-configs -d 'create missing target topics with the source topic\'s configs'
complete -c ktool -n '__ktool_is mirror' -l until-caught-up -d 'stop when every partition reached the end offset it had at start'
complete -c ktool -n '__ktool_is mirror' -l provenance -d 'add header ktool.mirror.source = TOPIC/PARTITION/OFFSET to each copy'
complete -c ktool -n '__ktool_is mirror' -l start -x -d 'where a new group starts: earliest (default) or latest'
complete -c ktool -n '__ktool_is mirror' -l idle-timeout -x -d 'stop after this long without a record'
complete -c ktool -n '__ktool_is mirror' -l compression -x -d 'target compression: none, gzip, snappy, lz4, zstd (default none)'
complete -c ktool -n '__ktool_is mirror' -l replication-factor -x -d 'for created target topics (default: the target broker default)'
complete -c ktool -n '__ktool_is mirror' -l batch-bytes -x -d 'most bytes per produce request (default 4 MiB); a larger record goes alone'
complete -c ktool -n '__ktool_is mirror' -l max-in-flight -x -d 'produce requests in flight, 1-5 (default 4)'
complete -c ktool -n '__ktool_is mirror' -l commit-interval -x -d 'how often acknowledged offsets are committed (default 1s)'
complete -c ktool -n '__ktool_is mirror' -s v -l verbose -d 'print each rebalance\'s partition assignment on stderr'
complete -c ktool -n '__ktool_is mirror' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror' -s h -l help -d 'display help for command'

# ktool mirror verify
complete -c ktool -n '__ktool_is mirror verify' -l from -x -d 'source cluster: a profile'
complete -c ktool -n '__ktool_is mirror verify' -l from-bootstrap -x -d 'source cluster: HOST:PORT[,HOST:PORT]'
complete -c ktool -n '__ktool_is mirror verify' -l from-config -r -F -d 'source cluster: kafka client properties file (security, bootstrap.servers)'
complete -c ktool -n '__ktool_is mirror verify' -l to -x -d 'target cluster: a profile'
complete -c ktool -n '__ktool_is mirror verify' -l to-bootstrap -x -d 'target cluster: HOST:PORT[,HOST:PORT]'
complete -c ktool -n '__ktool_is mirror verify' -l to-config -r -F -d 'target cluster: kafka client properties file'
complete -c ktool -n '__ktool_is mirror verify' -l timeout -x -d 'connect/request timeout, e.g. 10s'
complete -c ktool -n '__ktool_is mirror verify' -l topics -x -a '(__ktool_dynamic topics)' -d 'source topics to mirror (whole-name regular expression)'
complete -c ktool -n '__ktool_is mirror verify' -l exclude -x -d 'leave out the topics matching this'
complete -c ktool -n '__ktool_is mirror verify' -l rename -x -d 'target topic names, e.g. \'src.{topic}\' (default: the same names)'
complete -c ktool -n '__ktool_is mirror verify' -l deep -d 'read both sides: compare counts and a digest of key, value, headers and timestamp, in order'
complete -c ktool -n '__ktool_is mirror verify' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror verify' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror verify' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror verify' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror verify' -s h -l help -d 'display help for command'

# ktool mirror deploy
complete -c ktool -n '__ktool_is mirror deploy' -l from -x -d 'source cluster: a profile'
complete -c ktool -n '__ktool_is mirror deploy' -l from-bootstrap -x -d 'source cluster: HOST:PORT[,HOST:PORT]'
complete -c ktool -n '__ktool_is mirror deploy' -l from-config -r -F -d 'source cluster: kafka client properties file (security, bootstrap.servers)'
complete -c ktool -n '__ktool_is mirror deploy' -l to -x -d 'target cluster: a profile'
complete -c ktool -n '__ktool_is mirror deploy' -l to-bootstrap -x -d 'target cluster: HOST:PORT[,HOST:PORT]'
complete -c ktool -n '__ktool_is mirror deploy' -l to-config -r -F -d 'target cluster: kafka client properties file'
complete -c ktool -n '__ktool_is mirror deploy' -l timeout -x -d 'connect/request timeout, e.g. 10s'
complete -c ktool -n '__ktool_is mirror deploy' -l topics -x -a '(__ktool_dynamic topics)' -d 'source topics to mirror (whole-name regular expression)'
complete -c ktool -n '__ktool_is mirror deploy' -l exclude -x -d 'leave out the topics matching this'
complete -c ktool -n '__ktool_is mirror deploy' -l rename -x -d 'target topic names, e.g. \'src.{topic}\' (default: the same names)'
complete -c ktool -n '__ktool_is mirror deploy' -l connect-url -x -d 'Kafka Connect REST URL, e.g. http://connect:8083'
complete -c ktool -n '__ktool_is mirror deploy' -l name -x -d 'connector name prefix (default: mirror-SOURCE-TARGET)'
complete -c ktool -n '__ktool_is mirror deploy' -l source-alias -x -d 'source cluster alias (default: from --rename or "source")'
complete -c ktool -n '__ktool_is mirror deploy' -l target-alias -x -d 'target cluster alias (default "target")'
complete -c ktool -n '__ktool_is mirror deploy' -l tasks -x -d 'tasks.max (default 1)'
complete -c ktool -n '__ktool_is mirror deploy' -l sync-configs -d 'sync topic configs (sync.topic.configs.enabled)'
complete -c ktool -n '__ktool_is mirror deploy' -l no-checkpoints -d 'do not deploy MirrorCheckpointConnector'
complete -c ktool -n '__ktool_is mirror deploy' -l no-heartbeats -d 'do not deploy MirrorHeartbeatConnector'
complete -c ktool -n '__ktool_is mirror deploy' -l dry-run -d 'print the connector configs, change nothing'
complete -c ktool -n '__ktool_is mirror deploy' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror deploy' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror deploy' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror deploy' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror deploy' -s h -l help -d 'display help for command'

# ktool mirror status
complete -c ktool -n '__ktool_is mirror status' -l connect-url -x -d 'Kafka Connect REST URL'
complete -c ktool -n '__ktool_is mirror status' -l name -x -d 'connector name prefix (default: every Mirror* connector)'
complete -c ktool -n '__ktool_is mirror status' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror status' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror status' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror status' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror status' -s h -l help -d 'display help for command'

# ktool mirror pause
complete -c ktool -n '__ktool_is mirror pause' -l connect-url -x -d 'Kafka Connect REST URL'
complete -c ktool -n '__ktool_is mirror pause' -l name -x -d 'connector name prefix (default: every Mirror* connector)'
complete -c ktool -n '__ktool_is mirror pause' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror pause' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror pause' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror pause' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror pause' -s h -l help -d 'display help for command'

# ktool mirror resume
complete -c ktool -n '__ktool_is mirror resume' -l connect-url -x -d 'Kafka Connect REST URL'
complete -c ktool -n '__ktool_is mirror resume' -l name -x -d 'connector name prefix (default: every Mirror* connector)'
complete -c ktool -n '__ktool_is mirror resume' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror resume' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror resume' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror resume' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror resume' -s h -l help -d 'display help for command'

# ktool mirror delete
complete -c ktool -n '__ktool_is mirror delete' -l connect-url -x -d 'Kafka Connect REST URL'
complete -c ktool -n '__ktool_is mirror delete' -l name -x -d 'connector name prefix (default: every Mirror* connector)'
complete -c ktool -n '__ktool_is mirror delete' -s y -l yes -d 'do not ask for confirmation (required when standard input is not a terminal)'
complete -c ktool -n '__ktool_is mirror delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is mirror delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is mirror delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is mirror delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is mirror delete' -s h -l help -d 'display help for command'

# ktool help
complete -c ktool -n '__ktool_is help' -f -a 'topics profile local produce consume completion configs cluster offsets delete-records groups lag acls users mirror'
