# fish completion for ktool. Generated from the command tree by `npm run gen-docs`; do not edit.
#
# Install one of:
#   ktool completion fish > ~/.config/fish/completions/ktool.fish
#   ktool completion fish | source                 # in ~/.config/fish/config.fish
#
# Topic and profile names come from `ktool __complete topics|profiles PREFIX`, which asks the
# cluster of the current profile (or the -b/--profile/--command-config given on the line) with a
# short timeout and prints nothing when it cannot.

set -g __ktool_paths 'topics' 'topics list' 'topics describe' 'topics create' 'topics alter' 'topics delete' 'topics help' 'profile' 'profile add' 'profile use' 'profile list' 'profile show' 'profile delete' 'profile help' 'local' 'local start' 'local stop' 'local status' 'local logs' 'local help' 'produce' 'consume' 'completion' 'configs' 'configs describe' 'configs alter' 'configs help' 'cluster' 'cluster info' 'cluster health' 'cluster log-dirs' 'cluster api-versions' 'cluster help' 'offsets' 'delete-records' 'help'
set -g __ktool_value_options '-b' '--bootstrap-server' '--brokers' '--command-config' '--profile' '--timeout' '--format' '--output' '-p' '--partitions' '-r' '--replication-factor' '-c' '--config' '--client-id' '--sasl-mechanism' '--username' '--password' '--password-env' '--password-command' '--token' '--token-env' '--token-command' '--ca' '--cert' '--key' '--server-name' '--name' '--nodes' '--version' '--kafka-home' '--node' '-n' '--lines' '--topic' '-f' '--file' '--input' '-k' '-K' '--key-separator' '-H' '--header' '--property' '--reader-property' '--key-encoding' '--value-encoding' '--null-marker' '--partition' '--acks' '--compression' '--batch-size' '--linger-ms' '--rate' '-X' '--producer-property' '--transactional-id' '--on-error' '--include' '-o' '--offset' '-P' '--max-messages' '--timeout-ms' '-g' '--group' '--group-protocol' '--isolation-level' '--formatter-property' '--grep' '--key-grep' '--entity-type' '--entity-name' '--broker' '--broker-logger' '--user' '--client' '--ip' '--client-metrics' '--add-config' '--add-config-file' '--delete-config' '--append' '--subtract' '--topic-list' '--time' '--topic-partitions' '--isolation' '--before' '--offset-json-file'
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

# $argv[1]: topics|profiles. Passes on the connection flags typed so far.
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
complete -c ktool -n '__ktool_is' -f -a 'consume' -d 'read records (kcat -C / kafka-console-consumer.sh), values to stdout by default'
complete -c ktool -n '__ktool_is' -f -a 'completion' -d 'print the shell completion script for bash, zsh or fish'
complete -c ktool -n '__ktool_is' -f -a 'configs' -d 'describe and change topic, broker, group and client-metrics configs and client quotas (kafka-configs.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'cluster' -d 'cluster id, brokers, features, health, log dirs and API versions'
complete -c ktool -n '__ktool_is' -f -a 'offsets' -d 'offsets of partitions at the start, the end, the newest timestamp or a time (kafka-get-offsets.sh spellings work too)'
complete -c ktool -n '__ktool_is' -f -a 'delete-records' -d 'delete records below an offset or a time (kafka-delete-records.sh); asks on a terminal, needs --yes otherwise'
complete -c ktool -n '__ktool_is' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is' -s V -l version -d 'output the version number'
complete -c ktool -n '__ktool_is' -s h -l help -d 'display help for command'

# ktool topics
complete -c ktool -n '__ktool_is topics' -f -a 'list' -d 'list topics, optionally those whose name matches REGEX'
complete -c ktool -n '__ktool_is topics' -f -a 'describe' -d 'partitions (leader, replicas, ISR, offline), offsets, message counts and non-default configs'
complete -c ktool -n '__ktool_is topics' -f -a 'create' -d 'create topics'
complete -c ktool -n '__ktool_is topics' -f -a 'alter' -d 'increase the partition count of a topic'
complete -c ktool -n '__ktool_is topics' -f -a 'delete' -d 'delete topics (asks on a terminal; needs --yes otherwise)'
complete -c ktool -n '__ktool_is topics' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is topics' -s h -l help -d 'display help for command'

# ktool topics list
complete -c ktool -n '__ktool_is topics list' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is topics list' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics list' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics list' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is topics list' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics list' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics list' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics list' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics list' -l exclude-internal -d 'hide internal topics (__consumer_offsets, ...)'
complete -c ktool -n '__ktool_is topics list' -s h -l help -d 'display help for command'

# ktool topics describe
complete -c ktool -n '__ktool_is topics describe' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is topics describe' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics describe' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics describe' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
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
complete -c ktool -n '__ktool_is topics create' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is topics create' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics create' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics create' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
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
complete -c ktool -n '__ktool_is topics alter' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is topics alter' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics alter' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics alter' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is topics alter' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics alter' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics alter' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics alter' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics alter' -l partitions -x -d 'the new total number of partitions'
complete -c ktool -n '__ktool_is topics alter' -l dry-run -d 'validate on the broker without changing'
complete -c ktool -n '__ktool_is topics alter' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is topics alter' -f -a '(__ktool_dynamic topics)'

# ktool topics delete
complete -c ktool -n '__ktool_is topics delete' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is topics delete' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is topics delete' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is topics delete' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is topics delete' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is topics delete' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is topics delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is topics delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is topics delete' -l if-exists -d 'no error for topics that do not exist'
complete -c ktool -n '__ktool_is topics delete' -s y -l yes -d 'do not ask for confirmation'
complete -c ktool -n '__ktool_is topics delete' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is topics delete' -f -a '(__ktool_dynamic topics)'

# ktool topics help
complete -c ktool -n '__ktool_is topics help' -f -a 'list describe create alter delete'

# ktool profile
complete -c ktool -n '__ktool_is profile' -f -a 'add' -d 'add or replace a profile'
complete -c ktool -n '__ktool_is profile' -f -a 'use' -d 'make a profile the current one'
complete -c ktool -n '__ktool_is profile' -f -a 'list' -d 'list profiles'
complete -c ktool -n '__ktool_is profile' -f -a 'show' -d 'show a profile (secrets redacted); --resolved shows what a command would use, and where each value came from'
complete -c ktool -n '__ktool_is profile' -f -a 'delete' -d 'delete a profile'
complete -c ktool -n '__ktool_is profile' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is profile' -s h -l help -d 'display help for command'

# ktool profile add
complete -c ktool -n '__ktool_is profile add' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile add' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile add' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT]'
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
complete -c ktool -n '__ktool_is profile show' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is profile show' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is profile show' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is profile show' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is profile show' -l resolved -d 'apply flags, environment and profile precedence'
complete -c ktool -n '__ktool_is profile show' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is profile show' -f -a '(__ktool_dynamic profiles)'

# ktool profile delete
complete -c ktool -n '__ktool_is profile delete' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is profile delete' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is profile delete' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is profile delete' -f -a '(__ktool_dynamic profiles)'

# ktool profile help
complete -c ktool -n '__ktool_is profile help' -f -a 'add use list show delete'

# ktool local
complete -c ktool -n '__ktool_is local' -f -a 'start' -d 'start a local cluster on free ports and save a profile for it'
complete -c ktool -n '__ktool_is local' -f -a 'stop' -d 'stop a local cluster'
complete -c ktool -n '__ktool_is local' -f -a 'status' -d 'is the local cluster running? (exit 3 when not)'
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
complete -c ktool -n '__ktool_is local start' -l sasl -d 'add a SASL_PLAINTEXT listener (PLAIN, SCRAM-SHA-256/512; admin/admin-secret) and a <name>-sasl profile'
complete -c ktool -n '__ktool_is local start' -l version -x -d 'Kafka version'
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
complete -c ktool -n '__ktool_is local help' -f -a 'start stop status logs'

# ktool produce
complete -c ktool -n '__ktool_is produce' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is produce' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is produce' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is produce' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is produce' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is produce' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is produce' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is produce' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is produce' -l topic -x -a '(__ktool_dynamic topics)' -d 'the topic (kafka-console-producer spelling of TOPIC)'
complete -c ktool -n '__ktool_is produce' -s f -l file -r -F -d 'read this file instead of standard input, repeatable'
complete -c ktool -n '__ktool_is produce' -l input -x -d 'line (one record per line), whole (one record per file or stdin), json (one JSON envelope per line, as consume --json prints)'
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
complete -c ktool -n '__ktool_is produce' -l batch-size -x -d 'bytes per produce request, e.g. 1MB (default 1000000)'
complete -c ktool -n '__ktool_is produce' -l linger-ms -x -d 'wait this long for more input before sending a partial batch (default 5)'
complete -c ktool -n '__ktool_is produce' -l rate -x -d 'at most this many records per second, e.g. 1000/s'
complete -c ktool -n '__ktool_is produce' -s X -l producer-property -x -d 'Java producer setting (acks, compression.type, batch.size, linger.ms, enable.idempotence, transactional.id, retries, ...), repeatable'
complete -c ktool -n '__ktool_is produce' -l transactional-id -x -d 'write the whole input in one transaction (aborted on any error)'
complete -c ktool -n '__ktool_is produce' -l on-error -x -d 'a bad input line: fail (stop; nothing after it is sent) or skip'
complete -c ktool -n '__ktool_is produce' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is produce' -f -a '(__ktool_dynamic topics)'

# ktool consume
complete -c ktool -n '__ktool_is consume' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is consume' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is consume' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is consume' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is consume' -l topic -x -a '(__ktool_dynamic topics)' -d 'topic to read (kafka-console-consumer spelling), repeatable'
complete -c ktool -n '__ktool_is consume' -l include -x -d 'also read every topic matching REGEX'
complete -c ktool -n '__ktool_is consume' -s o -l offset -x -d 'start|end|N|-N|+N|N:M|@TIME|@T1:@T2|@TIME:end (TIME: epoch ms, ISO-8601, or -1h); earliest|latest (default: end)'
complete -c ktool -n '__ktool_is consume' -l from-beginning -d 'same as -o start'
complete -c ktool -n '__ktool_is consume' -l partition -x -d 'read only this partition (kafka-console-consumer spelling)'
complete -c ktool -n '__ktool_is consume' -s P -l partitions -x -d 'read only these partitions, e.g. 0,2'
complete -c ktool -n '__ktool_is consume' -s n -l max-messages -x -d 'stop after N records written'
complete -c ktool -n '__ktool_is consume' -s e -l exit -d 'stop when every partition reached the end it had at start'
complete -c ktool -n '__ktool_is consume' -l timeout-ms -x -d 'stop after this long without records'
complete -c ktool -n '__ktool_is consume' -s g -l group -x -d 'read as a member of this consumer group and commit what was written'
complete -c ktool -n '__ktool_is consume' -l group-protocol -x -a 'classic consumer' -d 'group protocol: classic or consumer (KIP-848)'
complete -c ktool -n '__ktool_is consume' -l isolation-level -x -a 'read_committed read_uncommitted' -d 'read_committed hides aborted transactions'
complete -c ktool -n '__ktool_is consume' -s f -l format -x -d 'json, or a kcat template: %t %p %o %k %v %s %S %K %h %T %d, \\n \\t (e.g. \'%k=%v\\n\')'
complete -c ktool -n '__ktool_is consume' -l json -d 'NDJSON envelopes {topic,partition,offset,timestamp,timestampType,key,value,headers,encoding}'
complete -c ktool -n '__ktool_is consume' -l value-encoding -x -a 'text json base64 hex' -d 'with --json: text (base64 when not UTF-8), json, base64 or hex'
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
complete -c ktool -n '__ktool_is configs' -f -a 'alter' -d 'change configs with IncrementalAlterConfigs (never read-modify-write), or client quotas'
complete -c ktool -n '__ktool_is configs' -f -a 'help' -d 'show help for a command'
complete -c ktool -n '__ktool_is configs' -s h -l help -d 'display help for command'

# ktool configs describe
complete -c ktool -n '__ktool_is configs describe' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is configs describe' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is configs describe' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is configs describe' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
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
complete -c ktool -n '__ktool_is configs describe' -l group -x -d 'shortcut: --entity-type groups --entity-name GROUP'
complete -c ktool -n '__ktool_is configs describe' -l client-metrics -x -d 'shortcut: --entity-type client-metrics --entity-name NAME'
complete -c ktool -n '__ktool_is configs describe' -l all -d 'every config, also those from broker defaults and built-in defaults'
complete -c ktool -n '__ktool_is configs describe' -s h -l help -d 'display help for command'

# ktool configs alter
complete -c ktool -n '__ktool_is configs alter' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is configs alter' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is configs alter' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is configs alter' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
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
complete -c ktool -n '__ktool_is configs alter' -l group -x -d 'shortcut: --entity-type groups --entity-name GROUP'
complete -c ktool -n '__ktool_is configs alter' -l client-metrics -x -d 'shortcut: --entity-type client-metrics --entity-name NAME'
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
complete -c ktool -n '__ktool_is cluster info' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is cluster info' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster info' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster info' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is cluster info' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster info' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster info' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster info' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster info' -s h -l help -d 'display help for command'

# ktool cluster health
complete -c ktool -n '__ktool_is cluster health' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is cluster health' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster health' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster health' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is cluster health' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster health' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster health' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster health' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster health' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is cluster health' -f -a '(__ktool_dynamic topics)'

# ktool cluster log-dirs
complete -c ktool -n '__ktool_is cluster log-dirs' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is cluster log-dirs' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster log-dirs' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster log-dirs' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
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
complete -c ktool -n '__ktool_is cluster api-versions' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is cluster api-versions' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is cluster api-versions' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is cluster api-versions' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is cluster api-versions' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is cluster api-versions' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is cluster api-versions' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is cluster api-versions' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is cluster api-versions' -s h -l help -d 'display help for command'

# ktool cluster help
complete -c ktool -n '__ktool_is cluster help' -f -a 'info health log-dirs api-versions'

# ktool offsets
complete -c ktool -n '__ktool_is offsets' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is offsets' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is offsets' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is offsets' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is offsets' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is offsets' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is offsets' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is offsets' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is offsets' -l time -x -d 'earliest, latest, max-timestamp, earliest-local, latest-tiered (or -2, -1, -3, -4, -5), epoch ms or an ISO time (default latest)'
complete -c ktool -n '__ktool_is offsets' -l topic -x -a '(__ktool_dynamic topics)' -d 'kafka-get-offsets.sh: the topic (a regex), repeatable'
complete -c ktool -n '__ktool_is offsets' -l partitions -x -d 'kafka-get-offsets.sh: partitions of --topic, e.g. 0,1 or 0-3'
complete -c ktool -n '__ktool_is offsets' -l topic-partitions -x -d 'kafka-get-offsets.sh: t1:0-2,t2:1,t3 (N-M excludes M, as there)'
complete -c ktool -n '__ktool_is offsets' -l exclude-internal-topics -d 'with no topic named: skip internal topics'
complete -c ktool -n '__ktool_is offsets' -l isolation -x -d 'read_uncommitted (default) or read_committed (latest = last stable offset)'
complete -c ktool -n '__ktool_is offsets' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is offsets' -f -a '(__ktool_dynamic topics)'

# ktool delete-records
complete -c ktool -n '__ktool_is delete-records' -s b -l bootstrap-server -x -d 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS)'
complete -c ktool -n '__ktool_is delete-records' -l command-config -r -F -d 'client properties file, as for kafka-*.sh'
complete -c ktool -n '__ktool_is delete-records' -l profile -x -a '(__ktool_dynamic profiles)' -d 'use this profile (env KTOOL_PROFILE)'
complete -c ktool -n '__ktool_is delete-records' -l timeout -x -d 'connect/request timeout, e.g. 10s (env KTOOL_TIMEOUT)'
complete -c ktool -n '__ktool_is delete-records' -l format -x -a 'table wide json yaml' -d 'output format: table|wide|json|yaml'
complete -c ktool -n '__ktool_is delete-records' -l json -d 'shorthand for --format json'
complete -c ktool -n '__ktool_is delete-records' -l no-color -d 'disable colours (also NO_COLOR=1)'
complete -c ktool -n '__ktool_is delete-records' -l debug -d 'show stack traces and client details on errors'
complete -c ktool -n '__ktool_is delete-records' -l before -x -d 'delete records below OFFSET, all records (end), or those older than @TIME (epoch ms or ISO)'
complete -c ktool -n '__ktool_is delete-records' -l offset-json-file -r -F -d 'kafka-delete-records.sh JSON: {"partitions": [{"topic": "t", "partition": 0, "offset": 3}], "version": 1}'
complete -c ktool -n '__ktool_is delete-records' -s y -l yes -d 'do not ask for confirmation'
complete -c ktool -n '__ktool_is delete-records' -s h -l help -d 'display help for command'
complete -c ktool -n '__ktool_is delete-records' -f -a '(__ktool_dynamic topics)'

# ktool help
complete -c ktool -n '__ktool_is help' -f -a 'topics profile local produce consume completion configs cluster offsets delete-records'
