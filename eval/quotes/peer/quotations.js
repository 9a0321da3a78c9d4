// Peer run for eval/quotes: the quotations that compromise (npm
// "compromise", v14) finds in each PolNeAR dev text, as character offsets.
// Usage: NODE_PATH=<dir with node_modules> node quotations.js <polnear/dev/text> > peer.json
// Output: {"<article>": [[start, end], ...], ...} with offsets in UTF-16
// code units (equal to code points for these texts' characters).
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node quotations.js <polnear/dev/text>');
  process.exit(2);
}
const out = {};
const start = Date.now();
let words = 0;
for (const f of fs.readdirSync(dir).sort()) {
  if (!f.endsWith('.txt')) continue;
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  const doc = nlp(text);
  words += doc.wordCount();
  const spans = [];
  for (const q of doc.quotations().json({ offset: true })) {
    const o = q.offset;
    spans.push([o.start, o.start + o.length]);
  }
  out[f.replace(/\.txt$/, '')] = spans;
}
const secs = (Date.now() - start) / 1000;
console.error(`compromise: ${Object.keys(out).length} texts, ${words} words in ${secs.toFixed(2)} s (${Math.round(words / secs)} words/s)`);
process.stdout.write(JSON.stringify(out));
