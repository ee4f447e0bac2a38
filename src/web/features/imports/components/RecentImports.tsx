import { Anchor, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useImports, type ImportJob } from '../api/imports.js';
import { StatusBadge } from './JobPanel.js';

/** The latest imports, newest first; one opens its problems, preview or result. */
export function RecentImports({ onOpen, currentId }: { onOpen: (id: string) => void; currentId: string | null }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const imports = useImports();
  if (imports.isPending) return <PageLoader />;
  if (imports.isError) return <QueryError error={imports.error} onRetry={() => void imports.refetch()} />;
  const jobs = [...imports.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (jobs.length === 0) return <EmptyState icon={<IconHistory aria-hidden />} title={t('imports.recent.empty')} py="lg" />;

  const open = (job: ImportJob) => (
    <Anchor
      component="button"
      type="button"
      onClick={() => onOpen(job.id)}
      fw={job.id === currentId ? 700 : 500}
      ta="left"
      style={{ overflowWrap: 'anywhere' }}
    >
      {job.fileNames.join(', ')}
    </Anchor>
  );
  const rows = (job: ImportJob) => (job.rowsTotal > 0 ? formatNumber(job.rowsTotal) : '—');

  if (isPhone)
    return (
      <Stack gap="sm">
        {jobs.map((job) => (
          <Card key={job.id} withBorder padding="sm">
            {open(job)}
            <Group justify="space-between" mt={4}>
              <Text size="xs" c="dimmed">
                {formatDateTime(job.createdAt)} · {t('imports.recent.rowCount', { count: job.rowsTotal })}
              </Text>
              <StatusBadge job={job} />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" data-testid="recent-imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.recent.createdAt')}</Table.Th>
            <Table.Th>{t('imports.job.files')}</Table.Th>
            <Table.Th ta="right">{t('imports.recent.rows')}</Table.Th>
            <Table.Th ta="right">{t('imports.recent.problems')}</Table.Th>
            <Table.Th>{t('imports.recent.status')}</Table.Th>
            <Table.Th>{t('imports.recent.committedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id} bg={job.id === currentId ? 'var(--mantine-color-ocop-0)' : undefined}>
              <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
              <Table.Td>{open(job)}</Table.Td>
              <Table.Td ta="right">{rows(job)}</Table.Td>
              <Table.Td ta="right">{job.problemCount > 0 ? formatNumber(job.problemCount) : '—'}</Table.Td>
              <Table.Td>
                <StatusBadge job={job} />
              </Table.Td>
              <Table.Td>{formatDateTime(job.committedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
