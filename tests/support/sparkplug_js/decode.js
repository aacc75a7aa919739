// Test-only: decodes Sparkplug B messages with Eclipse Tahu's sparkplug-payload, as a
// host application would: DATA metrics carry only an alias, so their datatype comes
// from the alias table of the births seen before them.
//
// stdin: one JSON object a line, {"topic": "...", "hex": "<payload>"}, in arrival order.
// stdout: one JSON object a line, {"topic", "timestamp", "seq", "metrics": [...]}; Long
// values become numbers.
"use strict";
const readline = require("readline");
const sparkplug = require("sparkplug-payload").get("spBv1.0");
const proto = require("sparkplug-payload/lib/sparkplugPayloadProto.js");
const Payload = proto.org.eclipse.tahu.protobuf.Payload;

const aliasTypes = new Map(); // edge node -> Map(alias -> datatype)

function plain(key, value) {
  if (value && typeof value === "object" && typeof value.toNumber === "function") {
    return value.toNumber();
  }
  if (typeof value === "bigint") return Number(value);
  return value;
}

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  if (!line.trim()) return;
  const { topic, hex } = JSON.parse(line);
  const parts = topic.split("/");
  const node = parts.slice(0, 4).filter((_, i) => i !== 2).join("/");
  const kind = parts[2];
  let bytes = Buffer.from(hex, "hex");
  if (!aliasTypes.has(node)) aliasTypes.set(node, new Map());
  const types = aliasTypes.get(node);
  if (kind === "NBIRTH" || kind === "DBIRTH") {
    if (kind === "NBIRTH") types.clear();
    for (const m of Payload.decode(bytes).metrics) {
      if (m.alias !== undefined && m.alias !== null) types.set(Number(m.alias), m.datatype);
    }
  } else {
    // Give each aliased metric its datatype from the births, then decode with Tahu.
    const raw = Payload.decode(bytes);
    for (const m of raw.metrics) {
      if (!m.datatype && m.alias !== undefined && m.alias !== null) {
        m.datatype = types.get(Number(m.alias)) || 0;
      }
    }
    bytes = Payload.encode(raw).finish();
  }
  const decoded = sparkplug.decodePayload(bytes);
  process.stdout.write(JSON.stringify({ topic, ...decoded }, plain) + "\n");
});
