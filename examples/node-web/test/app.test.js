'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { createApp } = require('../src/app');

async function withServer(fn) {
  const server = http.createServer(createApp({ version: 't' }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await fn(base);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

function request(base, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, { method }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('healthz reports the version', () => withServer(async (base) => {
  const res = await request(base, 'GET', '/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(res.body), { status: 'ok', version: 't' });
}));

test('index page is served', () => withServer(async (base) => {
  const res = await request(base, 'GET', '/');
  assert.equal(res.status, 200);
  assert.match(res.body, /Shorten a link/);
}));

test('create, redirect and read stats', () => withServer(async (base) => {
  const created = await request(base, 'POST', '/api/links', JSON.stringify({ url: 'https://example.org/x', code: 'exmp' }));
  assert.equal(created.status, 201);
  assert.equal(created.headers.location, '/api/links/exmp');
  const redirect = await request(base, 'GET', '/exmp');
  assert.equal(redirect.status, 302);
  assert.equal(redirect.headers.location, 'https://example.org/x');
  const stats = JSON.parse((await request(base, 'GET', '/api/links/exmp')).body);
  assert.equal(stats.hits, 1);
}));

test('bad input gives 422, unknown routes 404, wrong methods 405', () => withServer(async (base) => {
  assert.equal((await request(base, 'POST', '/api/links', '{broken')).status, 422);
  assert.equal((await request(base, 'POST', '/api/links', JSON.stringify({ url: 'ftp://x/' }))).status, 422);
  assert.equal((await request(base, 'POST', '/api/links', 'x'.repeat(10000))).status, 422);
  assert.equal((await request(base, 'GET', '/zzzzzz')).status, 404);
  assert.equal((await request(base, 'DELETE', '/api/links')).status, 405);
}));
