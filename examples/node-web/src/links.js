'use strict';
// In-memory link store: short codes -> target URLs, with hit counters.
const crypto = require('node:crypto');

const CODE = /^[A-Za-z0-9_-]{4,32}$/;

class ValidationError extends Error {}

class LinkStore {
  constructor({ randomCode = () => crypto.randomBytes(4).toString('base64url'), now = () => Date.now() } = {}) {
    this.links = new Map();
    this.randomCode = randomCode;
    this.now = now;
  }

  create(url, code) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new ValidationError('url must be an absolute URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ValidationError('url must use http or https');
    }
    if (code !== undefined && !CODE.test(code)) {
      throw new ValidationError('code must be 4-32 characters of [A-Za-z0-9_-]');
    }
    if (code !== undefined && this.links.has(code)) {
      throw new ValidationError('code already taken');
    }
    let chosen = code;
    while (chosen === undefined || this.links.has(chosen)) chosen = this.randomCode();
    const link = { code: chosen, url: parsed.href, hits: 0, created: new Date(this.now()).toISOString() };
    this.links.set(chosen, link);
    return { ...link };
  }

  resolve(code) {
    const link = this.links.get(code);
    if (!link) return undefined;
    link.hits += 1;
    return link.url;
  }

  get(code) {
    const link = this.links.get(code);
    return link && { ...link };
  }

  list() {
    return [...this.links.values()].map((l) => ({ ...l })).sort((a, b) => b.hits - a.hits || a.code.localeCompare(b.code));
  }
}

module.exports = { LinkStore, ValidationError };
