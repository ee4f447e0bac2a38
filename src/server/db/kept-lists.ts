/**
 * A list read whole as the ids of its matches, kept until the records change, and paged from memory
 * (the product and dossier lists): its query asks for `max + 1` ids to know whether it fits.
 */
export const idsIfAtMost = (rows: readonly { id: string }[], max: number): string[] | null => (rows.length > max ? null : rows.map((r) => r.id));

/** Rows read by id, put back in the order of the ids (the database returns them in its own). */
export function inOrderOf<R extends { id: string }>(ids: readonly string[], rows: readonly R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
