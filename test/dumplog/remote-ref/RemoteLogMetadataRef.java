/*
 * Kafka 4.3.1 as the reference for dump-log --remote-log-metadata-decoder (a single-file source program,
 * run by java with the Kafka jars on the class path; test/dumplog/remote-log-metadata.int.test.ts).
 *   samples: one value per line (hex), RemoteLogMetadataSerde.serialize of each kind of record
 *   [PARSER]: hex values (or "null") on stdin, one per line; each printed as DumpLogSegments' parser
 *            PARSER prints it (the tool's own class, by reflection; RemoteMetadataLogMessageParser unless
 *            named, or ClusterMetadataLogMessageParser), as the value of a record at offset 0
 */
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.*;
import org.apache.kafka.common.*;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.*;
import org.apache.kafka.server.log.remote.metadata.storage.RemoteLogSegmentMetadataSnapshot;
import org.apache.kafka.server.log.remote.metadata.storage.serialization.RemoteLogMetadataSerde;
import org.apache.kafka.server.log.remote.storage.*;

public class RemoteLogMetadataRef {
  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) s.append(String.format("%02x", x));
    return s.toString();
  }

  static byte[] unhex(String h) {
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    return b;
  }

  static void samples() {
    RemoteLogMetadataSerde serde = new RemoteLogMetadataSerde();
    Uuid topicId = new Uuid(0x1234567890abcdefL, 0x0fedcba987654321L);
    TopicIdPartition tp = new TopicIdPartition(topicId, new TopicPartition("orders", 3));
    RemoteLogSegmentId id = new RemoteLogSegmentId(tp, new Uuid(0x1111222233334444L, 0x5555666677778888L));
    Map<Integer, Long> epochs = new HashMap<>();
    epochs.put(0, 0L);
    epochs.put(2, 150L);
    epochs.put(1, 100L);
    var custom = Optional.of(new RemoteLogSegmentMetadata.CustomMetadata(new byte[] {1, 2, 3, 4, 5}));
    var m1 = new RemoteLogSegmentMetadata(id, 0L, 199L, 1700000000123L, 1, 1700000000456L, 1048576, epochs);
    var m2 = new RemoteLogSegmentMetadata(id, 200L, 299L, 1700000001000L, 2, 1700000002000L, 4096, custom,
        RemoteLogSegmentState.COPY_SEGMENT_FINISHED, Map.of(3, 200L), true);
    var u1 = new RemoteLogSegmentMetadataUpdate(id, 1700000003000L, custom, RemoteLogSegmentState.COPY_SEGMENT_FINISHED, 1);
    var u2 = new RemoteLogSegmentMetadataUpdate(id, 1700000004000L, Optional.empty(), RemoteLogSegmentState.DELETE_SEGMENT_FINISHED, 3);
    var d1 = new RemotePartitionDeleteMetadata(tp, RemotePartitionDeleteState.DELETE_PARTITION_MARKED, 1700000005000L, 1);
    var d2 = new RemotePartitionDeleteMetadata(new TopicIdPartition(Uuid.ZERO_UUID, new TopicPartition("a-b.c_d", 0)),
        RemotePartitionDeleteState.DELETE_PARTITION_FINISHED, -1L, -1);
    var s1 = RemoteLogSegmentMetadataSnapshot.create(m2);
    var s2 = new RemoteLogSegmentMetadataSnapshot(id.id(), 5L, 5L, 0L, 0, 0L, 0, Optional.empty(),
        RemoteLogSegmentState.DELETE_SEGMENT_STARTED, Map.of(7, 5L), false);
    for (RemoteLogMetadata m : List.of(m1, m2, u1, u2, d1, d2, s1, s2)) System.out.println(hex(serde.serialize(m)));
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("samples")) {
      samples();
      return;
    }
    String name = args.length > 0 ? args[0] : "RemoteMetadataLogMessageParser";
    Class<?> cls = Class.forName("org.apache.kafka.tools.DumpLogSegments$" + name);
    Constructor<?> ctor = cls.getDeclaredConstructor();
    ctor.setAccessible(true);
    Object parser = ctor.newInstance();
    Method parse = cls.getMethod("parse", org.apache.kafka.common.record.internal.Record.class);
    parse.setAccessible(true);
    Scanner in = new Scanner(System.in, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    while (in.hasNextLine()) {
      String line = in.nextLine().trim();
      byte[] value = line.equals("null") ? null : unhex(line);
      MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(null, value));
      org.apache.kafka.common.record.internal.Record record = records.records().iterator().next();
      Object result = parse.invoke(parser, record);
      Method valueOf = result.getClass().getDeclaredMethod("value");
      valueOf.setAccessible(true);
      out.append(((Optional<?>) valueOf.invoke(result)).map(Object::toString).orElse("<none>")).append('\n');
    }
    System.out.print(out);
  }
}
