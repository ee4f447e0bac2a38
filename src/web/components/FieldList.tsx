import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsPhone } from '../lib/responsive.js';

export type FieldListItem = { label: string; value: ReactNode };

const LABEL_WIDTH = '12rem';

/**
 * Label/value pairs of a record (a <dl>), side by side on wide screens, stacked on a phone. Side by
 * side, the label column has one width whatever its text (a long label wraps inside it), so every
 * value starts on the same line down the list.
 */
export function FieldList({ items }: { items: readonly FieldListItem[] }) {
  const isPhone = useIsPhone();
  return (
    <DataList orientation={isPhone ? 'vertical' : 'horizontal'} labelWidth={LABEL_WIDTH} gap="xs" withDivider>
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel c="dimmed" style={isPhone ? undefined : { flex: `0 0 ${LABEL_WIDTH}`, maxWidth: LABEL_WIDTH, overflowWrap: 'anywhere' }}>
            {item.label}
          </DataList.ItemLabel>
          <DataList.ItemValue style={{ flex: '1 1 0', minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{item.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
