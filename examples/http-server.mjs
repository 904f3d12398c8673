// bulletin-press as an HTTP service: POST an issue as JSON, get its PDF back.
//
//   node examples/http-server.mjs          # HOST and PORT from the environment, default 127.0.0.1:8080
//   curl --data-binary @fixtures/bulletin-663.json http://127.0.0.1:8080/ -o bulletin-663.pdf
//
// 200 application/pdf · 400 the body is not JSON · 413 body too large · 422 the issue is
// invalid (the JSON list of errors, each with its JSON Pointer) · 503 the queue is full ·
// 504 the render took too long. A client that hangs up stops its render.
import http from 'node:http';
import { createRenderer, IssueValidationError, QueueFullError } from 'bulletin-press';

const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = Number(process.env.PORT ?? 8080);
const MAX_BODY = 8 * 1024 * 1024; // bytes of issue JSON
const TIMEOUT_MS = 30_000; // per render, time in the queue included

// Renders run on worker threads: this thread only reads requests and writes responses.
const renderer = createRenderer({ maxQueue: 32 });

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The request body as text, refused past MAX_BODY bytes. */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(req, res) {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST an issue as JSON' }, { allow: 'POST' });

  // The client hung up before its answer was written: abort the render, which frees its
  // worker. (The response's 'close', not the request's: since Node 16 a request emits
  // 'close' as soon as its body has been read.)
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });

  const text = await readBody(req);
  if (text === undefined) return sendJson(res, 413, { error: `the body is larger than ${MAX_BODY} bytes` }, { connection: 'close' });
  let input;
  try {
    input = JSON.parse(text);
  } catch (err) {
    return sendJson(res, 400, { error: `the body is not JSON: ${err.message}` });
  }

  try {
    const pdf = await renderer.render(input, { signal: controller.signal, timeoutMs: TIMEOUT_MS });
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.byteLength });
    res.end(pdf);
  } catch (err) {
    if (err instanceof IssueValidationError) return sendJson(res, 422, { errors: err.errors });
    if (err instanceof QueueFullError) return sendJson(res, 503, { error: err.message }, { 'retry-after': '1' });
    if (err.name === 'TimeoutError') return sendJson(res, 504, { error: err.message });
    if (err.name === 'AbortError') return; // the client is gone; nobody to answer
    console.error(err);
    sendJson(res, 500, { error: 'internal error' });
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    else res.destroy();
  });
});

server.listen(PORT, HOST, () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}`);
});

// Stop taking requests, let the ones in flight finish, then stop the workers.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => void renderer.close());
    server.closeIdleConnections();
  });
}
