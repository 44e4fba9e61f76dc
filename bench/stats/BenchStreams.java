// The Kafka Streams side of bench/stats.sh: the same aggregation as
//   ktool stats TOPIC -o start -e --by key --tumbling 1m --count --avg .value.x
// as a Kafka Streams 4.3.1 application against the broker: groupByKey, tumbling 1-minute windows (no grace),
// count and sum of the JSON value's x (avg = sum / count), emit final (EmitStrategy.onWindowClose), results
// counted in memory. It stops once it has processed RECORDS input records (Streams has no end of input),
// then prints how many windows it emitted and its seconds from JVM start.
// Run: java -cp 'JARS/*' BenchStreams.java BOOTSTRAP TOPIC RECORDS
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.state.WindowStore;

public class BenchStreams {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1];
        long records = Long.parseLong(args[2]);
        AtomicLong seen = new AtomicLong(), emitted = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        StreamsBuilder b = new StreamsBuilder();
        b.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
            .peek((k, v) -> { if (seen.incrementAndGet() == records) done.countDown(); })
            .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
            .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
            .emitStrategy(EmitStrategy.onWindowClose())
            .aggregate(() -> "0,0", (k, v, agg) -> {
                int at = v.indexOf("\"x\":");
                double x = 0;
                if (at >= 0) {
                    int end = at + 4;
                    while (end < v.length() && "-+.0123456789eE".indexOf(v.charAt(end)) >= 0) end++;
                    x = Double.parseDouble(v.substring(at + 4, end));
                }
                int comma = agg.indexOf(',');
                return (Long.parseLong(agg.substring(0, comma)) + 1) + "," + (Double.parseDouble(agg.substring(comma + 1)) + x);
            }, Materialized.<String, String, WindowStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String()))
            .toStream()
            .foreach((w, agg) -> emitted.incrementAndGet());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "ktool-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ktool-bench-streams").toString());
        p.put("auto.offset.reset", "earliest");
        KafkaStreams streams = new KafkaStreams(b.build(), p);
        streams.start();
        done.await();
        streams.close(Duration.ofSeconds(30));
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("processed " + seen.get() + " records, emitted " + emitted.get() + " windows, " + ms + " ms from JVM start");
    }
}
