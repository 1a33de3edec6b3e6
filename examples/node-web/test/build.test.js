'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

test('build output contains only runtime files and still serves', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'node-web-dist-'));
  try {
    execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.js'), out]);
    assert.deepEqual(fs.readdirSync(out).sort(), ['package.json', 'public', 'src']);
    assert.ok(!fs.readFileSync(path.join(out, 'src', 'server.js'), 'utf8').includes('// Entry point'));
    assert.ok(!fs.readFileSync(path.join(out, 'public', 'index.html'), 'utf8').trim().includes('>\n'));
    const { createApp } = require(path.join(out, 'src', 'app.js'));
    assert.equal(typeof createApp(), 'function');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
