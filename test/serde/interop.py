"""
The reference side of the schema interop tests: Python confluent-kafka's serializers with its
SchemaRegistryClient (against the registry's Confluent API). Values travel as JSON lines in
ktool's JSON forms (Avro JSON encoding, documented logical-type forms); this script converts them
to and from what the Python serializers take and give, using the schema.

  interop.py produce avro BOOTSTRAP REGISTRY TOPIC SCHEMA_FILE < values.jsonl
  interop.py consume avro BOOTSTRAP REGISTRY TOPIC COUNT SCHEMA_FILE > values.jsonl
  interop.py produce json-schema ... / consume json-schema ...   (values are plain JSON)
  interop.py raw BOOTSTRAP TOPIC COUNT     the records' value bytes, hex, one per line
  interop.py produce protobuf BOOTSTRAP REGISTRY TOPIC PROTO_DIR MODULE MESSAGE < canonical-JSON lines
  interop.py consume protobuf BOOTSTRAP REGISTRY TOPIC COUNT PROTO_DIR MODULE MESSAGE > MessageToDict JSON lines
"""
import base64
import datetime
import decimal
import json
import sys
import uuid

from confluent_kafka import OFFSET_BEGINNING, Consumer, Producer, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.serialization import MessageField, SerializationContext

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


class Names:
    def __init__(self, schema):
        self.types = {}
        self.add(schema, "")

    def add(self, s, ns):
        if isinstance(s, list):
            for b in s:
                self.add(b, ns)
        elif isinstance(s, dict):
            t = s.get("type")
            if t in ("record", "enum", "fixed"):
                name = s["name"]
                ns2 = s.get("namespace", ns)
                full = name if "." in name else (f"{ns2}.{name}" if ns2 else name)
                self.types[full] = s
                s["_full"] = full
                for f in s.get("fields", []):
                    self.add(f["type"], full.rsplit(".", 1)[0] if "." in full else "")
            elif t == "array":
                self.add(s["items"], ns)
            elif t == "map":
                self.add(s["values"], ns)

    def get(self, s):
        if isinstance(s, str) and s not in PRIMITIVES:
            return self.types.get(s) or next(v for k, v in self.types.items() if k.endswith("." + s))
        return s


def branch_name(s, names):
    s = names.get(s)
    if isinstance(s, str):
        return s
    if isinstance(s, dict):
        return s.get("_full") or s["type"]
    raise ValueError("union in union")


def to_python(s, v, names):
    """ktool's JSON -> what fastavro writes."""
    s = names.get(s)
    if isinstance(s, list):
        if v is None:
            return None
        (key, inner), = v.items()
        branch = next(b for b in s if branch_name(b, names) == key)
        value = to_python(branch, inner, names)
        b = names.get(branch)
        return (b["_full"], value) if isinstance(b, dict) and "_full" in b and b["type"] == "record" else value
    if isinstance(s, str):
        return v.encode("latin1") if s == "bytes" else v
    t, lt = s["type"], s.get("logicalType")
    if t == "record":
        return {f["name"]: to_python(f["type"], v[f["name"]], names) for f in s["fields"] if f["name"] in v}
    if t == "array":
        return [to_python(s["items"], x, names) for x in v]
    if t == "map":
        return {k: to_python(s["values"], x, names) for k, x in v.items()}
    if lt == "decimal":
        return decimal.Decimal(v)
    if lt == "date":
        return datetime.date.fromisoformat(v)
    if lt in ("timestamp-millis", "timestamp-micros"):
        return datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
    if lt in ("time-millis", "time-micros"):
        return datetime.time.fromisoformat(v)
    if lt == "uuid":
        return uuid.UUID(v)
    if t in ("bytes", "fixed"):
        return v.encode("latin1")
    return v


def fits(s, v, names):
    s = names.get(s)
    if isinstance(s, str):
        return {
            "null": v is None, "boolean": isinstance(v, bool), "int": isinstance(v, int) and not isinstance(v, bool),
            "long": isinstance(v, int) and not isinstance(v, bool), "float": isinstance(v, float),
            "double": isinstance(v, float), "string": isinstance(v, str), "bytes": isinstance(v, bytes),
        }[s]
    t = s["type"]
    return {"record": isinstance(v, dict), "map": isinstance(v, dict), "array": isinstance(v, list),
            "enum": isinstance(v, str), "fixed": isinstance(v, bytes)}.get(t, True)


def to_ktool(s, v, names):
    """What fastavro read -> ktool's JSON (unions wrapped; logical types in their JSON forms)."""
    s = names.get(s)
    if isinstance(s, list):
        if v is None:
            return None
        if isinstance(v, tuple):
            name, inner = v
            branch = next(b for b in s if branch_name(b, names) == name)
            return {name: to_ktool(branch, inner, names)}
        branch = next(b for b in s if b != "null" and fits(b, v, names))
        return {branch_name(branch, names): to_ktool(branch, v, names)}
    if isinstance(s, str):
        return v.decode("latin1") if s == "bytes" else v
    t, lt = s["type"], s.get("logicalType")
    if t == "record":
        return {f["name"]: to_ktool(f["type"], v[f["name"]], names) for f in s["fields"]}
    if t == "array":
        return [to_ktool(s["items"], x, names) for x in v]
    if t == "map":
        return {k: to_ktool(s["values"], x, names) for k, x in v.items()}
    if lt == "decimal":
        return format(v, "f")
    if lt == "date":
        return v.isoformat()
    if lt == "timestamp-millis":
        return v.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{v.microsecond // 1000:03d}Z"
    if lt == "timestamp-micros":
        return v.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if lt == "time-millis":
        return v.strftime("%H:%M:%S.") + f"{v.microsecond // 1000:03d}"
    if lt == "time-micros":
        return v.strftime("%H:%M:%S.%f")
    if lt == "uuid":
        return str(v)
    if t in ("bytes", "fixed"):
        return v.decode("latin1")
    return v


def serializer(fmt, client, schema_text):
    if fmt == "avro":
        from confluent_kafka.schema_registry.avro import AvroSerializer
        return AvroSerializer(client, schema_text)
    from confluent_kafka.schema_registry.json_schema import JSONSerializer
    return JSONSerializer(schema_text, client)


def deserializer(fmt, client):
    if fmt == "avro":
        from confluent_kafka.schema_registry.avro import AvroDeserializer
        return AvroDeserializer(client, return_record_name=True)
    from confluent_kafka.schema_registry.json_schema import JSONDeserializer
    return JSONDeserializer(None, schema_registry_client=client)


def produce(fmt, bootstrap, registry, topic, schema_file):
    schema_text = open(schema_file).read()
    schema = json.loads(schema_text)
    names = Names(schema)
    client = SchemaRegistryClient({"url": registry})
    ser = serializer(fmt, client, schema_text)
    producer = Producer({"bootstrap.servers": bootstrap})
    ctx = SerializationContext(topic, MessageField.VALUE)
    for line in sys.stdin:
        if not line.strip():
            continue
        value = json.loads(line)
        if fmt == "avro":
            value = to_python(schema, value, names)
        producer.produce(topic, value=ser(value, ctx))
    producer.flush(30)


def consume(fmt, bootstrap, registry, topic, count, schema_file):
    schema = json.loads(open(schema_file).read())
    names = Names(schema)
    client = SchemaRegistryClient({"url": registry})
    de = deserializer(fmt, client)
    for raw in read_raw(bootstrap, topic, count):
        value = de(raw, SerializationContext(topic, MessageField.VALUE))
        if fmt == "avro":
            value = to_ktool(schema, value, names)
        print(json.dumps(value, separators=(",", ":")))


def proto_classes(proto_dir):
    """Python classes of the test's .proto files (grpc_tools' protoc, into the same folder)."""
    import importlib
    import os
    import subprocess

    import grpc_tools

    files = sorted(f for f in os.listdir(proto_dir) if f.endswith(".proto"))
    include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", f"-I{proto_dir}", f"-I{include}", f"--python_out={proto_dir}", *files],
                   check=True)
    sys.path.insert(0, proto_dir)
    return {f[:-6]: importlib.import_module(f[:-6] + "_pb2") for f in files}


def proto_produce(bootstrap, registry, topic, proto_dir, module, message):
    from confluent_kafka.schema_registry.protobuf import ProtobufSerializer
    from google.protobuf import json_format
    cls = getattr(proto_classes(proto_dir)[module], message)
    client = SchemaRegistryClient({"url": registry})
    ser = ProtobufSerializer(cls, client, {"auto.register.schemas": True})
    producer = Producer({"bootstrap.servers": bootstrap})
    ctx = SerializationContext(topic, MessageField.VALUE)
    for line in sys.stdin:
        if line.strip():
            producer.produce(topic, value=ser(json_format.ParseDict(json.loads(line), cls()), ctx))
    producer.flush(30)


def proto_consume(bootstrap, registry, topic, count, proto_dir, module, message):
    from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
    from google.protobuf import json_format
    cls = getattr(proto_classes(proto_dir)[module], message)
    de = ProtobufDeserializer(cls, {"use.deprecated.format": False})
    for raw in read_raw(bootstrap, topic, count):
        msg = de(raw, SerializationContext(topic, MessageField.VALUE))
        print(json.dumps(json_format.MessageToDict(msg), separators=(",", ":"), ensure_ascii=False))


def read_raw(bootstrap, topic, count):
    # Partitions assigned, not subscribed: a group join costs seconds on a loaded broker and proves nothing here.
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"interop-{topic}", "enable.auto.commit": False})
    partitions = consumer.list_topics(topic, timeout=30).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in sorted(partitions)])
    got = []
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=60)
    while len(got) < count and datetime.datetime.now() < deadline:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        got.append(msg.value())
    consumer.close()
    return got


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "produce" and sys.argv[2] == "protobuf":
        proto_produce(*sys.argv[3:9])
    elif cmd == "consume" and sys.argv[2] == "protobuf":
        b, r, t, n, d, mod, msg = sys.argv[3:10]
        proto_consume(b, r, t, int(n), d, mod, msg)
    elif cmd == "produce":
        produce(*sys.argv[2:7])
    elif cmd == "consume":
        fmt, bootstrap, registry, topic, count, schema_file = sys.argv[2:8]
        consume(fmt, bootstrap, registry, topic, int(count), schema_file)
    elif cmd == "raw":
        for value in read_raw(sys.argv[2], sys.argv[3], int(sys.argv[4])):
            print(value.hex())
