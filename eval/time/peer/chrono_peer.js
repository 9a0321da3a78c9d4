// chrono_peer.js runs chrono-node (the peer system) over TempEval-3 documents
// dumped by eval/time (TIMEX_PEER_DUMP) and prints its time expressions as
// JSON for scoring with the same matcher as ours. Usage:
//   NODE_PATH=<dir with chrono-node> node chrono_peer.js docs.json > chrono.json
// Durations and sets are outside chrono's scope; its results are dates and
// times, valued at the finest component chrono marks as certain.
const fs = require("fs");
const chrono = require("chrono-node");

const docs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const pad = (n, w) => String(n).padStart(w, "0");
const out = {};
for (const d of docs) {
  const ref = new Date(d.dct + "T12:00:00Z");
  const res = chrono.parse(d.text, { instant: ref, timezone: "UTC" }, { forwardDate: false });
  // chrono reports UTF-16 offsets; convert to UTF-8 byte offsets
  const byteAt = (i) => Buffer.byteLength(d.text.slice(0, i), "utf8");
  out[d.name] = res.map((r) => {
    const c = r.start;
    const y = c.get("year"), m = c.get("month"), day = c.get("day");
    let value = pad(y, 4), type = "DATE";
    const dayKnown = c.isCertain("day") || c.isCertain("weekday");
    if (c.isCertain("month") || dayKnown) value += "-" + pad(m, 2);
    if (dayKnown) value += "-" + pad(day, 2);
    if (c.isCertain("hour")) {
      value = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(day, 2) + "T" + pad(c.get("hour"), 2) + ":" + pad(c.get("minute") || 0, 2);
      type = "TIME";
    }
    return { start: byteAt(r.index), end: byteAt(r.index + r.text.length), text: r.text, type, value };
  });
}
process.stdout.write(JSON.stringify(out));
