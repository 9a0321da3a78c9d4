// Peer comparison: runs compromise's people()/places()/organizations() on the
// CoNLL-2003 test sentences (words joined by spaces) and scores them like
// eval/ner does for prose (exact word spans and type; compromise has no MISC).
// Usage: node scripts/ner-compromise.js NODE_MODULES_PARENT ../shared/data/conll2003/test.txt
// (NODE_MODULES_PARENT is where `npm install compromise` ran, e.g. /tmp/nerres/npm).
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, file] = process.argv.slice(2);
const nlp = require(require.resolve('compromise', { paths: [path.resolve(dir || '.')] }));

const sents = [];
let cur = { words: [], tags: [] };
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const f = line.trim().split(/\s+/);
  if (!line.trim()) {
    if (cur.words.length) sents.push(cur);
    cur = { words: [], tags: [] };
    continue;
  }
  if (f[0] === '-DOCSTART-') continue;
  const isTag = (t) => t === 'O' || /^[BIES]-/.test(t);
  cur.words.push(f[0]);
  cur.tags.push(isTag(f[f.length - 1]) ? f[f.length - 1] : f[1]);
}
if (cur.words.length) sents.push(cur);

function goldChunks(tags) {
  const out = [];
  let start = -1, type = '';
  tags.forEach((t, i) => {
    const [p, ty] = t === 'O' ? ['O', ''] : [t[0], t.slice(2)];
    if (start >= 0 && (p === 'O' || p === 'B' || ty !== type)) { out.push(`${start}:${i}:${type}`); start = -1; }
    if (p !== 'O' && start < 0) { start = i; type = ty; }
  });
  if (start >= 0) out.push(`${start}:${tags.length}:${type}`);
  return out;
}

const counts = {};
const cnt = (t) => (counts[t] = counts[t] || { tp: 0, fp: 0, fn: 0 });
let tokens = 0;
const t0 = Date.now();
for (const s of sents) {
  tokens += s.words.length;
  const text = s.words.join(' ');
  const startOf = new Map(), endOf = new Map();
  let pos = 0;
  s.words.forEach((w, i) => { startOf.set(pos, i); endOf.set(pos + w.length, i + 1); pos += w.length + 1; });
  const doc = nlp(text);
  const pred = [];
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    let at = 0;
    for (let e of view.out('array')) {
      e = e.replace(/^[\s"'(]+|[\s"',.;:)!?]+$/g, '');
      const k = text.indexOf(e, at);
      if (!e || k < 0 || !startOf.has(k) || !endOf.has(k + e.length)) { pred.push(`x${pred.length}:-1:${type}`); continue; }
      at = k + e.length;
      pred.push(`${startOf.get(k)}:${endOf.get(k + e.length)}:${type}`);
    }
  }
  const gold = new Set(goldChunks(s.tags));
  for (const p of pred) {
    const type = p.split(':')[2];
    if (gold.has(p)) { cnt(type).tp++; gold.delete(p); } else cnt(type).fp++;
  }
  for (const g of gold) cnt(g.split(':')[2]).fn++;
}
const secs = (Date.now() - t0) / 1000;
console.log(`compromise ${nlp.version}: ${tokens} tokens, ${Math.round(tokens / secs)} tokens/s`);
const all = { tp: 0, fp: 0, fn: 0 };
const f1 = (c) => { const p = c.tp / (c.tp + c.fp || 1), r = c.tp / (c.tp + c.fn || 1); return [p, r, p + r ? 2 * p * r / (p + r) : 0]; };
for (const t of ['PER', 'ORG', 'LOC', 'MISC']) {
  const c = counts[t] || { tp: 0, fp: 0, fn: 0 };
  all.tp += c.tp; all.fp += c.fp; all.fn += c.fn;
  const [p, r, f] = f1(c);
  console.log(`${t.padEnd(8)} P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f.toFixed(4)}  tp ${c.tp} fp ${c.fp} fn ${c.fn}`);
}
const [p, r, f] = f1(all);
console.log(`overall  P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f.toFixed(4)}`);
