'use strict';
// Request handler: JSON API under /api, redirects under /<code>, a static page at /.
const fs = require('node:fs');
const path = require('node:path');
const { LinkStore, ValidationError } = require('./links');

const MAX_BODY = 8 * 1024;

function send(res, status, body, headers = {}) {
  const data = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(data), ...headers });
  res.end(data);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume(); // drain the rest so the 422 can still be sent
        reject(new ValidationError('body too large'));
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new ValidationError('invalid JSON body'));
      }
    });
    req.on('error', reject);
  });
}

function createApp({ store = new LinkStore(), version = 'dev', publicDir = path.join(__dirname, '..', 'public') } = {}) {
  const indexPath = path.join(publicDir, 'index.html');
  const index = fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : '<h1>node-web</h1>';

  return async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (url.pathname === '/healthz') return send(res, 200, { status: 'ok', version });
      if (url.pathname === '/' && req.method === 'GET') return send(res, 200, index);
      if (url.pathname === '/api/links') {
        if (req.method === 'GET') return send(res, 200, store.list());
        if (req.method === 'POST') {
          const body = await readJson(req);
          if (!body || typeof body !== 'object') throw new ValidationError('body must be a JSON object');
          const link = store.create(body.url, body.code);
          return send(res, 201, link, { Location: `/api/links/${link.code}` });
        }
        return send(res, 405, { error: 'method not allowed' }, { Allow: 'GET, POST' });
      }
      const api = url.pathname.match(/^\/api\/links\/([^/]+)$/);
      if (api && req.method === 'GET') {
        const link = store.get(api[1]);
        return link ? send(res, 200, link) : send(res, 404, { error: 'not found' });
      }
      const short = url.pathname.match(/^\/([A-Za-z0-9_-]{4,32})$/);
      const target = short && req.method === 'GET' && store.resolve(short[1]);
      if (target) return send(res, 302, undefined, { Location: target });
      return send(res, 404, { error: 'not found' });
    } catch (err) {
      if (err instanceof ValidationError) return send(res, 422, { error: err.message });
      console.error(err);
      return send(res, 500, { error: 'internal error' });
    }
  };
}

module.exports = { createApp };
