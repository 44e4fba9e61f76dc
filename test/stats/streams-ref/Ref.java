// The reference for `ktool stats`: Kafka Streams 4.3.1 itself, through TopologyTestDriver (no broker).
// Run as a single-file source program (Java 17, no javac): java -cp 'JARS/*' Ref.java < scenarios
// stdin: scenarios, each a line `# MODE SIZE ADVANCE GRACE EMIT` then its records, one a line, KEY<TAB>TIMESTAMP_MS<TAB>VALUE:
//   MODE tumbling|hopping|session (SIZE: the window size, or the session's inactivity gap, in ms; ADVANCE: hopping's)
//   EMIT update|final
// Each scenario runs in a new TopologyTestDriver. stdout: one JSON row per result Streams forwards,
// {"s":SCENARIO,"i":N,"key":K,"windowStart":S,"windowEnd":E,"count":C,"sum":X} where N is the index of the input record
// being processed; a merged-away session is {"s":SCENARIO,"i":N,"key":K,"windowStart":S,"windowEnd":E,"tombstone":true}.
// Caching is off and every record is checked for closed windows (emit interval 0): the complete update stream.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.*;

public class Ref {
    static int current = -1;
    static int scenario = -1;

    static void row(String key, long start, long end, String agg) {
        String k = "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String head = "{\"s\":" + scenario + ",\"i\":" + current + ",\"key\":" + k + ",\"windowStart\":" + start + ",\"windowEnd\":" + end;
        if (agg == null) { System.out.println(head + ",\"tombstone\":true}"); return; }
        String[] p = agg.split(",");
        System.out.println(head + ",\"count\":" + p[0] + ",\"sum\":" + p[1] + "}");
    }

    public static void main(String[] args) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in));
        java.util.List<String> lines = new java.util.ArrayList<>();
        String[] header = null;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                if (header != null) run(header, lines);
                header = line.substring(1).trim().split("\\s+");
                lines = new java.util.ArrayList<>();
            } else lines.add(line);
        }
        if (header != null) run(header, lines);
        System.out.flush();
    }

    static void run(String[] args, java.util.List<String> lines) throws Exception {
        scenario++;
        current = -1;
        String mode = args[0];
        long size = Long.parseLong(args[1]), advance = Long.parseLong(args[2]), grace = Long.parseLong(args[3]);
        boolean fin = args[4].equals("final");
        StreamsBuilder b = new StreamsBuilder();
        KGroupedStream<String, Double> g = b.stream("in", Consumed.with(Serdes.String(), Serdes.Double()))
            .groupByKey(Grouped.with(Serdes.String(), Serdes.Double()));
        Initializer<String> init = () -> "0,0.0";
        Aggregator<String, Double, String> add = (k, v, s) -> {
            String[] p = s.split(",");
            return (Long.parseLong(p[0]) + 1) + "," + (Double.parseDouble(p[1]) + v);
        };
        EmitStrategy emit = fin ? EmitStrategy.onWindowClose() : EmitStrategy.onWindowUpdate();
        if (mode.equals("session")) {
            Merger<String, String> merge = (k, x, y) -> {
                String[] p = x.split(","), q = y.split(",");
                return (Long.parseLong(p[0]) + Long.parseLong(q[0])) + "," + (Double.parseDouble(p[1]) + Double.parseDouble(q[1]));
            };
            g.windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(size), Duration.ofMillis(grace)))
                .emitStrategy(emit)
                .aggregate(init, add, merge, Materialized.<String, String, org.apache.kafka.streams.state.SessionStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String()))
                .toStream().foreach((w, s) -> row(w.key(), w.window().start(), w.window().end(), s));
        } else {
            TimeWindows tw = TimeWindows.ofSizeAndGrace(Duration.ofMillis(size), Duration.ofMillis(grace));
            if (mode.equals("hopping")) tw = tw.advanceBy(Duration.ofMillis(advance));
            g.windowedBy(tw).emitStrategy(emit)
                .aggregate(init, add, Materialized.<String, String, org.apache.kafka.streams.state.WindowStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String()))
                .toStream().foreach((w, s) -> row(w.key(), w.window().start(), w.window().end(), s));
        }
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "ktool-stats-ref");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put("__emit.interval.ms.kstreams.windowed.aggregation__", 0L);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ktool-stats-ref").toString());
        try (TopologyTestDriver d = new TopologyTestDriver(b.build(), p, Instant.EPOCH)) {
            TestInputTopic<String, Double> in = d.createInputTopic("in", new StringSerializer(), new DoubleSerializer());
            for (String line : lines) {
                String[] f = line.split("\t");
                current++;
                d.advanceWallClockTime(Duration.ofSeconds(1));
                in.pipeInput(f[0], Double.parseDouble(f[2]), Long.parseLong(f[1]));
            }
        }
    }
}
