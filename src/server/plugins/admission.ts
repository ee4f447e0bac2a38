import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** However cheap the requests, a turn starts no more than this many (a bound on one turn's length). */
const MAX_STARTS_PER_TURN = 64;

/**
 * Starts requests a few at each turn of the event loop, in the order they arrived, so that a busy
 * server still takes new connections. For the embedded database (PGlite) only.
 *
 * With PGlite one thread runs both the server and the database, and a query is answered without
 * the thread ever waiting: a request's whole work runs in the promises that follow the reading of
 * its socket, before the event loop turns again. When 50 connections are busy, one turn reads all
 * 50 requests and answers them (about 250 ms for the dossier list), and Node takes one new
 * connection per turn: the 50th connection of a burst was taken 6 s after the first, and its first
 * request timed out in the benchmark while the others answered in 0.3 s (docs/performance.md,
 * "PGlite: one new connection per turn").
 *
 * Here the requests wait in one queue and each turn starts as many as fit in `turnBudgetMs` (5 ms,
 * app.ts), by what the previous turns cost: one at a time for a list that takes 5 ms, dozens for a label check
 * answered from the cache. A turn stays short, so connections are taken as they come; nothing
 * holds a place once started, so a slow upload or a long report never keeps others out.
 *
 * On PostgreSQL the queries wait on the network, the turns stay short by themselves, and the gate
 * is not registered. Static files (no declared access) do not pass through it.
 */
export const admissionPlugin = fp(async (app: FastifyInstance, opts: { turnBudgetMs: number }) => {
  // A queue as an array and a read index: shift() would copy the whole queue at each start.
  let waiting: { request: FastifyRequest; start: () => void }[] = [];
  let next = 0;
  let pumpScheduled = false;
  // What one started request costs its turn, learnt from the turns themselves (see pump); at first
  // a whole turn's budget, so that a burst arriving at a fresh server starts one request a turn.
  let msPerStart = opts.turnBudgetMs;
  let lastBatch: { at: number; started: number } | undefined;

  function schedulePump() {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  }

  /**
   * Starts as many waiting requests as fit in the turn's budget. The time from one pump to the next
   * is what the requests it started cost, with the reading of the new ones.
   */
  function pump() {
    pumpScheduled = false;
    const now = performance.now();
    if (lastBatch && lastBatch.started > 0) msPerStart = (msPerStart + (now - lastBatch.at) / lastBatch.started) / 2;
    const room = Math.min(MAX_STARTS_PER_TURN, Math.max(1, Math.floor(opts.turnBudgetMs / msPerStart)));
    let started = 0;
    while (started < room && next < waiting.length) {
      const { request, start } = waiting[next++]!;
      // A client that went away is not answered; its request is dropped with its socket.
      if (request.raw.socket?.destroyed) continue;
      started++;
      start();
    }
    // Started requests leave the queue: all at once when it is empty, else once they are most of it.
    if (next === waiting.length) {
      waiting = [];
      next = 0;
    } else if (next > 1024 && next * 2 > waiting.length) {
      waiting = waiting.slice(next);
      next = 0;
    }
    // The next pump comes at the next turn even when none waits, to learn what this batch cost: the
    // loop does not sleep in between, since a callback is due.
    lastBatch = started > 0 ? { at: now, started } : undefined;
    if (lastBatch || next < waiting.length) schedulePump();
  }

  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config.access === undefined) return done();
    waiting.push({ request, start: done });
    schedulePump();
  });
});
