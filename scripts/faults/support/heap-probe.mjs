/**
 * Loaded into the server process by the load scenario only (NODE_OPTIONS="--expose-gc --import …"):
 * on SIGUSR2 it runs a full garbage collection and appends the live heap to the file named by
 * HEAP_PROBE_FILE. Resident size alone cannot tell a leak from V8 growing its heap lazily and
 * collecting late (the same run's samples move by a quarter without any leak); the heap that
 * survives a full collection can.
 */
import fs from 'node:fs';

const file = process.env.HEAP_PROBE_FILE;
if (file && typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    const { heapUsed, rss } = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ heapUsedMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20 })}\n`);
  });
}
