import { Card, Title, type CardProps } from '@mantine/core';
import type { ReactNode } from 'react';

type SectionCardProps = { title?: ReactNode; children: ReactNode; action?: ReactNode } & Omit<CardProps, 'title' | 'children'>;

/** A white card with an optional heading: the building block of detail and form pages. */
export function SectionCard({ title, children, action, ...cardProps }: SectionCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" {...cardProps}>
      {(title || action) && (
        <Card.Section
          withBorder
          inheritPadding
          py="sm"
          mb="md"
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}
        >
          {title && (
            <Title order={2} fz="md" fw={600}>
              {title}
            </Title>
          )}
          {action}
        </Card.Section>
      )}
      {children}
    </Card>
  );
}
