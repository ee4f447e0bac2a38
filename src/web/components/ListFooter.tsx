import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';

type ListFooterProps = { total: number; page: number; pageSize: number; onPageChange: (page: number) => void };

/** Result count and page links under a list. */
export function ListFooter({ total, page, pageSize, onPageChange }: ListFooterProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.results', { total: formatNumber(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPageChange}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={t('pagination.label')}
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
        />
      )}
    </Group>
  );
}
