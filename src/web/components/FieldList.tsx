import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsPhone } from '../lib/responsive.js';

export type FieldListItem = { label: string; value: ReactNode };

/** Label/value pairs of a record (a <dl>), side by side on wide screens, stacked on a phone. */
export function FieldList({ items }: { items: readonly FieldListItem[] }) {
  const isPhone = useIsPhone();
  return (
    <DataList orientation={isPhone ? 'vertical' : 'horizontal'} labelWidth="12rem" gap="xs" withDivider>
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel c="dimmed">{item.label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{item.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
