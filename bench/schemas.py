"""The Python confluent-kafka side of bench/schemas.mjs: produce JSON lines with AvroSerializer, or
consume COUNT records with AvroDeserializer printing each value as JSON (as `ktool consume --json`
prints its envelopes)."""
import json
import sys

from confluent_kafka import Consumer, Producer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

cmd, bootstrap, registry, topic = sys.argv[1:5]
client = SchemaRegistryClient({"url": registry})
ctx = SerializationContext(topic, MessageField.VALUE)
if cmd == "produce":
    ser = AvroSerializer(client, open(sys.argv[5]).read())
    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5, "batch.size": 1000000, "queue.buffering.max.messages": 1000000})
    for line in sys.stdin:
        value = ser(json.loads(line), ctx)
        while True:
            try:
                producer.produce(topic, value=value)
                break
            except BufferError:
                producer.poll(0.05)
        producer.poll(0)
    producer.flush(120)
else:
    count = int(sys.argv[5])
    de = AvroDeserializer(client)
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"bench-{topic}", "auto.offset.reset": "earliest",
                         "enable.auto.commit": False})
    consumer.subscribe([topic])
    out = sys.stdout
    seen = 0
    while seen < count:
        for msg in consumer.consume(10000, 1.0):
            if msg.error():
                continue
            value = de(msg.value(), ctx)
            out.write(json.dumps({"topic": msg.topic(), "partition": msg.partition(), "offset": msg.offset(),
                                  "timestamp": msg.timestamp()[1], "key": msg.key(), "value": value}) + "\n")
            seen += 1
    consumer.close()
