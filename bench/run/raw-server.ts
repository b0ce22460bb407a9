import http from 'node:http';
import mysql from 'mysql2/promise';
import { connectionOptions, databaseName } from '../bench-db';
import { INQUIRY, SCENARIOS, type RawParams } from './scenarios';

/**
 * The raw-SQL twin of the API, in its own process like the API server: POST /raw/<scenario>/<role>
 * runs that scenario's hand-written SQL through a mysql2 pool of the API's size (10) and answers the
 * rows as JSON. Driven by the same load generator, the difference to the API is the API's overhead.
 */
const url = process.env.BENCH_DATABASE_URL!;
const params = JSON.parse(process.env.BENCH_RAW_PARAMS!) as Record<string, RawParams>;
const pool = mysql.createPool({ ...connectionOptions(url, databaseName(url)), connectionLimit: 10 });
const all = [...SCENARIOS, INQUIRY];

const server = http.createServer((req, res) => {
  const [, kind, index, role] = (req.url ?? '').split('/');
  if (kind === 'ready') return void res.end('ok');
  const scenario = all[Number(index)];
  req.resume();
  req.on('end', () => {
    if (kind !== 'raw' || !scenario || !params[role]) {
      res.writeHead(404).end();
      return;
    }
    scenario
      .raw(pool, params[role])
      .then((result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)))
      .catch((error: Error) => res.writeHead(500).end(error.message));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
