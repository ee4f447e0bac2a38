import { Badge } from '@mantine/core';
import { formatPoints } from '../../lib/format.js';
import type { ScoreSlot } from './CriteriaOutline.js';
import type { SheetProgress } from './types.js';

/** Points so far of a part or group (the server's sums), beside its heading. */
export function RunningPoints({ slot, progress }: { slot: ScoreSlot; progress: SheetProgress }) {
  const rows = slot.kind === 'part' ? progress.parts : progress.groups;
  const points = rows.find((row) => row.code === slot.code)?.points ?? 0;
  return (
    <Badge
      variant={slot.kind === 'part' ? 'white' : 'light'}
      color={slot.kind === 'part' ? 'ocop.9' : 'ocop'}
      radius="sm"
      data-testid={`${slot.kind}-${slot.code}-running`}
      style={{ flexShrink: 0 }}
    >
      {formatPoints(points)}/{formatPoints(slot.maxPoints)}
    </Badge>
  );
}
