'use strict';
// Entry point. `node src/server.js` serves on $PORT (8080); `--healthcheck` probes a running instance
// (the production image has no shell, curl or wget).
const http = require('node:http');
const { createApp } = require('./app');

const port = Number(process.env.PORT || 8080);
const version = process.env.APP_VERSION || 'dev';

if (process.argv.includes('--healthcheck')) {
  const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
    res.resume();
    process.exit(res.statusCode === 200 ? 0 : 1);
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (err) => {
    console.error(`unhealthy: ${err.message}`);
    process.exit(1);
  });
} else {
  const server = http.createServer(createApp({ version }));
  server.listen(port, () => console.log(`node-web ${version} listening on :${port}`));
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}
