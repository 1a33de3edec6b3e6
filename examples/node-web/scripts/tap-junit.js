'use strict';
// Converts the TAP v13 stream of `node --test` (stdin) to JUnit XML (stdout).
// Node 18 has no junit reporter. Nested subtests (Node 18 nests each file) become
// classnames; only leaf tests become <testcase>s. Prints a summary on stderr.
const lines = require('node:fs').readFileSync(0, 'utf8').split('\n');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cases = [];
const pending = []; // stack of { indent, name, hasChildren }
let current = null; // last result, to attach its YAML block

for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  const sub = line.match(/^(\s*)# Subtest: (.*)$/);
  if (sub) {
    const indent = sub[1].length;
    while (pending.length && pending[pending.length - 1].indent >= indent) pending.pop();
    if (pending.length) pending[pending.length - 1].hasChildren = true;
    pending.push({ indent, name: sub[2], hasChildren: false, childFailed: false });
    continue;
  }
  const res = line.match(/^(\s*)(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/);
  if (res) {
    const indent = res[1].length;
    while (pending.length && pending[pending.length - 1].indent > indent) pending.pop();
    const own = pending.length && pending[pending.length - 1].indent === indent ? pending.pop() : { hasChildren: false, childFailed: false };
    current = { name: res[3], ok: res[2] === 'ok', directive: res[4], leaf: !own.hasChildren,
      classname: pending.map((p) => p.name).join(' > ') || 'node-web', yaml: [], time: 0 };
    if (pending.length) pending[pending.length - 1].hasChildren = true;
    if (!current.ok && !current.directive) pending.forEach((p) => { p.childFailed = true; });
    // YAML diagnostics block
    if (lines[i + 1] && lines[i + 1].trim() === '---') {
      i += 2;
      for (; i < lines.length && lines[i].trim() !== '...'; i++) current.yaml.push(lines[i].slice(indent + 2));
      const d = current.yaml.find((l) => l.startsWith('duration_ms:'));
      if (d) current.time = Number(d.split(':')[1]) / 1000;
    }
    // a failing parent whose children all passed (e.g. a hook failed) still counts
    if (current.leaf || (!current.ok && !own.childFailed)) cases.push(current);
  }
}

let failures = 0;
let skipped = 0;
const body = cases.map((c) => {
  const head = `    <testcase classname="${esc(c.classname)}" name="${esc(c.name)}" time="${c.time.toFixed(3)}"`;
  if (c.directive) {
    skipped++;
    return `${head}><skipped/></testcase>`;
  }
  if (!c.ok) {
    failures++;
    const at = c.yaml.findIndex((l) => l.startsWith('error:'));
    let msg = at < 0 ? 'failed' : c.yaml[at].slice(6).trim();
    if (/^[|>]-?$/.test(msg)) msg = (c.yaml[at + 1] || 'failed').trim();
    return `${head}>\n      <failure message="${esc(msg)}">${esc(c.yaml.join('\n'))}</failure>\n    </testcase>`;
  }
  return `${head}/>`;
});
process.stdout.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' +
  `  <testsuite name="node --test" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n` +
  body.join('\n') + '\n  </testsuite>\n</testsuites>\n');
for (const c of cases.filter((x) => !x.ok && !x.directive)) console.error(`FAIL ${c.classname} > ${c.name}`);
console.error(`tap-junit: ${cases.length} tests, ${failures} failures, ${skipped} skipped`);
