'use strict';
// Build: copies the runtime files into dist/ (no tests, scripts or dev files), strips comments
// from the JavaScript, minifies the HTML and writes a production package.json.
//   node scripts/build.js [OUT_DIR]
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.resolve(process.argv[2] || path.join(root, 'dist'));

function stripComments(js) {
  // whole-line // comments only: safe without a tokenizer (no string starts a line with //)
  return js.split('\n').filter((l) => !/^\s*\/\/(?!\s*@)/.test(l)).join('\n');
}

function minifyHtml(html) {
  return html.replace(/>\s+</g, '><').replace(/\s{2,}/g, ' ').trim() + '\n';
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'src'), { recursive: true });
fs.mkdirSync(path.join(out, 'public'), { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'src')).filter((f) => f.endsWith('.js'))) {
  fs.writeFileSync(path.join(out, 'src', f), stripComments(fs.readFileSync(path.join(root, 'src', f), 'utf8')));
}
for (const f of fs.readdirSync(path.join(root, 'public'))) {
  const src = fs.readFileSync(path.join(root, 'public', f), 'utf8');
  fs.writeFileSync(path.join(out, 'public', f), f.endsWith('.html') ? minifyHtml(src) : src);
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const prod = { name: pkg.name, version: pkg.version, private: true, main: pkg.main, dependencies: pkg.dependencies || {} };
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(prod, null, 2) + '\n');
console.log(`built ${out}`);
