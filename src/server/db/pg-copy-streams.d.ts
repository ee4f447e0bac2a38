/** The part of pg-copy-streams the bulk loader uses (the package ships no types). */
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  export type CopyStreamQuery = Writable & Submittable;
  export function from(text: string): CopyStreamQuery;
}
