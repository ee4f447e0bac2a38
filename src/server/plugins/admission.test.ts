import net from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { admissionPlugin } from './admission.js';

const CONNECTIONS = 30;

/**
 * A server whose route works as a query on PGlite does: a few milliseconds on the thread, never
 * waiting. A burst of keep-alive connections, each asking again as soon as it is answered: how
 * many answers has the server given when the burst's last connection is first heard? Counted, not
 * timed, so that a slow machine gives the same figures as a fast one.
 */
async function answersBeforeLastConnection(gated: boolean, { cheapFirst = false } = {}) {
  const app = Fastify();
  if (gated) await app.register(admissionPlugin, { turnBudgetMs: 5 });
  const answered = new Map<number, number>();
  let firstSocket: number | undefined;
  let seenAtLast: number | undefined;
  const sockets = new WeakMap<object, number>();
  app.get('/list', { config: { access: 'public' } }, async (request) => {
    let id = sockets.get(request.raw.socket);
    if (id === undefined) {
      id = answered.size;
      sockets.set(request.raw.socket, id);
      answered.set(id, 0);
      firstSocket ??= id;
      if (answered.size === CONNECTIONS) seenAtLast = [...answered.values()].reduce((a, b) => a + b, 0);
    }
    const until = performance.now() + 3;
    while (performance.now() < until); // the thread's share of a list on PGlite
    answered.set(id, answered.get(id)! + 1);
    return { ok: true };
  });
  app.get('/cheap', { config: { access: 'public' } }, async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;
  if (cheapFirst) await burst(port, '/cheap', 10);

  await burst(port, '/list', Infinity, () => seenAtLast !== undefined);
  await app.close();
  return seenAtLast!;
}

/** CONNECTIONS connections opened at once, each asking `path` again when answered, `times` times or until `enough`. */
async function burst(port: number, path: string, times: number, enough = () => false) {
  const clients: net.Socket[] = [];
  await new Promise<void>((resolve) => {
    let finished = 0;
    for (let i = 0; i < CONNECTIONS; i++) {
      const socket = net.connect(port, '127.0.0.1');
      clients.push(socket);
      let asked = 0;
      const ask = () => {
        asked++;
        socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`);
      };
      socket.on('connect', ask);
      socket.on('data', (chunk) => {
        if (!chunk.toString().includes('{"ok":true}')) return;
        if (enough()) resolve();
        else if (asked < times) ask();
        else if (++finished === CONNECTIONS) resolve();
      });
      socket.on('error', () => undefined);
    }
  });
  for (const socket of clients) socket.destroy();
}

describe('admission on the embedded database', () => {
  it('takes every connection of a burst while the first ones are being answered', async () => {
    // Without the gate Node takes a new connection once per turn of its loop, and each turn answers
    // every connection already taken: the work before the last one grows with the square of the
    // burst (about 240 answers for 30). With it each turn starts about one such request, in the
    // order they came, and the work grows with the burst (about 60). Should Node ever take a
    // burst at once, both fall to a handful and this fails: the gate would no longer be needed.
    const ungated = await answersBeforeLastConnection(false);
    const gated = await answersBeforeLastConnection(true);
    expect(gated * 3).toBeLessThan(ungated);
    // The same after a burst of requests that cost nearly nothing: what a turn can take is learnt
    // again from the turns, not kept from the cheap ones.
    expect((await answersBeforeLastConnection(true, { cheapFirst: true })) * 3).toBeLessThan(ungated);
  });
});
