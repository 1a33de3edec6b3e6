'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { LinkStore, ValidationError } = require('../src/links');

test('create normalises the url and uses the random code', () => {
  const store = new LinkStore({ randomCode: () => 'abcd', now: () => 0 });
  assert.deepEqual(store.create('https://Example.org'), { code: 'abcd', url: 'https://example.org/', hits: 0, created: '1970-01-01T00:00:00.000Z' });
});

test('custom codes are validated and unique', () => {
  const store = new LinkStore();
  store.create('https://a.example/', 'mine');
  assert.throws(() => store.create('https://b.example/', 'mine'), ValidationError);
  assert.throws(() => store.create('https://b.example/', 'x'), ValidationError);
  assert.throws(() => store.create('https://b.example/', 'bad code'), ValidationError);
});

test('only absolute http(s) urls are accepted', () => {
  const store = new LinkStore();
  for (const url of ['not a url', 'ftp://files.example/', 'javascript:alert(1)', undefined]) {
    assert.throws(() => store.create(url), ValidationError, String(url));
  }
});

test('random code collisions are retried', () => {
  const codes = ['same', 'same', 'next'];
  const store = new LinkStore({ randomCode: () => codes.shift() });
  store.create('https://a.example/');
  assert.equal(store.create('https://b.example/').code, 'next');
});

test('resolve counts hits and list orders by hits', () => {
  const store = new LinkStore();
  store.create('https://a.example/', 'aaaa');
  store.create('https://b.example/', 'bbbb');
  store.resolve('bbbb');
  store.resolve('bbbb');
  assert.equal(store.resolve('nope'), undefined);
  assert.deepEqual(store.list().map((l) => [l.code, l.hits]), [['bbbb', 2], ['aaaa', 0]]);
});
