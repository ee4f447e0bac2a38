import { Stack, Text } from '@mantine/core';
import { noteLines } from './criteria-tree.js';

/** A requirement or options note of the sheet, one paragraph per line of the original. */
export function RequirementNote({ note }: { note: string | null }) {
  const lines = noteLines(note);
  if (lines.length === 0) return null;
  return (
    <Stack gap={2} pl="xs" style={{ borderLeft: '3px solid var(--mantine-color-orange-3)' }}>
      {lines.map((line, i) => (
        <Text key={i} size="xs" c="dark.4" fs="italic">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
