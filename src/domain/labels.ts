import type { Message } from './errors.js';

/** A closed set of codes with their Vietnamese and English labels: the one place a kind or status is named. */
export type Labels<K extends string> = Readonly<Record<K, Message>>;

/** The codes of a label table, as a non-empty tuple (what `z.enum` takes). */
export const codesOf = <K extends string>(labels: Labels<K>) => Object.keys(labels) as [K, ...K[]];
