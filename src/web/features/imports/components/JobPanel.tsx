import { Alert, Anchor, Badge, Button, Group, List, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDatabaseImport, IconFileSpreadsheet, IconLayoutDashboard } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, orDash } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { isApiError } from '../../../lib/api/client.js';
import { notifyError } from '../../../lib/notify.js';
import { importProblemsFileUrl, isRunning, useAfterCommit, useCommitImport, type ImportJob } from '../api/imports.js';
import { SHEET_KEYS, type SheetKey } from '../../../../domain/imports/sheets.js';
import { STATUS_COLOR, useImportLabels } from './labels.js';

type Preview = NonNullable<ImportJob['preview']>;
/** The sheets a preview counts: always producers, products and results; the others when the files had them. */
const sheetsOf = (preview: Preview): SheetKey[] => SHEET_KEYS.filter((sheet) => preview[sheet] !== undefined);

export function StatusBadge({ job }: { job: ImportJob }) {
  const labels = useImportLabels();
  return (
    <Badge color={STATUS_COLOR[job.status]} data-testid="import-status">
      {labels.status(job.status)}
    </Badge>
  );
}

/** Rows read (or written) out of all rows, while the server works. */
function RowsProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = job.rowsTotal > 0 ? Math.min(100, Math.round((job.rowsDone / job.rowsTotal) * 100)) : 0;
  return (
    <Stack gap={4}>
      <Progress
        value={job.rowsTotal > 0 ? percent : 100}
        striped
        animated
        size="lg"
        aria-label={t(`imports.progress.${job.status === 'committing' ? 'committing' : 'validating'}`)}
      />
      <Text size="sm" c="dimmed">
        {job.queued
          ? t('imports.progress.queued')
          : job.rowsTotal > 0
            ? t(job.status === 'committing' ? 'imports.progress.rowsWritten' : 'imports.progress.rowsChecked', {
                done: formatNumber(job.rowsDone),
                total: formatNumber(job.rowsTotal),
              })
            : t('imports.progress.reading')}
      </Text>
    </Stack>
  );
}

/** Every problem the server found, in one table; it keeps the first 1,000 and counts the rest. */
function Problems({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const label = useLabel();
  const labels = useImportLabels();
  return (
    <Stack gap="sm">
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.problems.title', { count: job.problemCount })} role="alert">
        {t('imports.problems.hint')}
        {job.problemCount > job.problems.length && (
          <Text size="sm" mt={4}>
            {t('imports.problems.truncated', { shown: formatNumber(job.problems.length), total: formatNumber(job.problemCount) })}
          </Text>
        )}
      </Alert>
      <ProblemsFiles job={job} />
      <ScrollArea.Autosize mah={520} type="auto">
        <Table.ScrollContainer minWidth={720}>
          <Table stickyHeader striped fz="sm" data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.problems.sheet')}</Table.Th>
                <Table.Th ta="right">{t('imports.problems.row')}</Table.Th>
                <Table.Th>{t('imports.problems.column')}</Table.Th>
                <Table.Th>{t('imports.problems.value')}</Table.Th>
                <Table.Th>{t('imports.problems.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{labels.sheet(p.sheet)}</Table.Td>
                  <Table.Td ta="right">{orDash(p.row)}</Table.Td>
                  <Table.Td>{orDash(p.column)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere', maxWidth: 220 }}>{orDash(p.value)}</Table.Td>
                  <Table.Td>{label(p.message)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** The uploaded workbooks given back with their problems marked (CSV files have none to give). */
function ProblemsFiles({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const workbooks = job.markedFiles.map((index) => ({ index, name: job.fileNames[index] ?? '' }));
  if (!workbooks.length) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs">
        {workbooks.map(({ name, index }) => (
          <Button
            key={index}
            component="a"
            href={importProblemsFileUrl(job.id, index)}
            download
            variant="light"
            color="red"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            data-testid="import-problems-file"
          >
            {workbooks.length > 1 ? t('importReview.problemsFileOf', { name }) : t('importReview.problemsFile')}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('importReview.problemsFileHint')}
      </Text>
    </Stack>
  );
}

/**
 * Communes read from addresses, producers whose commune stays unknown, and rows linked to producers
 * registered by hand: for the office to check before committing.
 */
function Review({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const label = useLabel();
  const communes = preview.communes ?? [];
  const unplaced = preview.unplaced ?? [];
  const matches = preview.matches ?? [];
  return (
    <>
      {unplaced.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('importReview.unplacedTitle', { count: unplaced.length })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('importReview.unplacedHint')}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm" striped data-testid="import-unplaced">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('imports.problems.row')}</Table.Th>
                  <Table.Th>{t('imports.preview.name')}</Table.Th>
                  <Table.Th>{t('importReview.address')}</Table.Th>
                  <Table.Th>{t('importReview.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {unplaced.map((u) => (
                  <Table.Tr key={u.row}>
                    <Table.Td ta="right">{u.row}</Table.Td>
                    <Table.Td>
                      {u.name}{' '}
                      <Text span size="xs" c="dimmed" className="ocop-code">
                        ({u.code})
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.address ?? '—'}</Table.Td>
                    <Table.Td>{label(u.reason)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {communes.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('importReview.communesTitle', { count: communes.length })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('importReview.communesHint')}
          </Text>
          <Table.ScrollContainer minWidth={360}>
            <Table fz="sm" striped data-testid="import-communes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('imports.problems.row')}</Table.Th>
                  <Table.Th>{t('imports.preview.code')}</Table.Th>
                  <Table.Th>{t('importReview.addressPart')}</Table.Th>
                  <Table.Th>{t('importReview.commune')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {communes.map((c) => (
                  <Table.Tr key={c.row}>
                    <Table.Td ta="right">{c.row}</Table.Td>
                    <Table.Td className="ocop-code">{c.code}</Table.Td>
                    <Table.Td>{c.text}</Table.Td>
                    <Table.Td>
                      {c.communeName}{' '}
                      <Text span size="xs" c="dimmed">
                        ({c.communeCode})
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {matches.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('importReview.matchesTitle', { count: matches.length })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('importReview.matchesHint')}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" striped data-testid="import-matches">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('imports.problems.row')}</Table.Th>
                  <Table.Th>{t('imports.preview.name')}</Table.Th>
                  <Table.Th>{t('importReview.existing')}</Table.Th>
                  <Table.Th>{t('importReview.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matches.map((m) => (
                  <Table.Tr key={m.row}>
                    <Table.Td ta="right">{m.row}</Table.Td>
                    <Table.Td>
                      {m.name}{' '}
                      <Text span size="xs" c="dimmed" className="ocop-code">
                        ({m.code})
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/subjects/${m.subjectId}`} size="sm">
                        {m.subjectName}
                      </Anchor>
                      {m.taxCode && (
                        <Text size="xs" c="dimmed">
                          {m.taxCode}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={m.by === 'taxCode' ? 'blue' : 'yellow'} variant="light">
                        {t(m.by === 'taxCode' ? 'importReview.byTaxCode' : 'importReview.byNameCommune')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}

/** What committing would do: counts per sheet and a few of the rows that change. */
function Preview({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const preview = job.preview;
  if (!preview) return null;
  return (
    <Stack gap="md" data-testid="import-preview">
      <Table.ScrollContainer minWidth={420}>
        <Table withTableBorder fz="sm" data-testid="import-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.preview.sheet')}</Table.Th>
              <Table.Th ta="right">{t('imports.preview.create')}</Table.Th>
              <Table.Th ta="right">{t('imports.preview.update')}</Table.Th>
              <Table.Th ta="right">{t('imports.preview.unchanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheetsOf(preview).map((sheet) => (
              <Table.Tr key={sheet} data-testid={`import-counts-${sheet}`}>
                <Table.Td fw={500}>{labels.sheet(sheet)}</Table.Td>
                <Table.Td ta="right">{formatNumber(preview[sheet]!.create)}</Table.Td>
                <Table.Td ta="right">{formatNumber(preview[sheet]!.update)}</Table.Td>
                <Table.Td ta="right">{formatNumber(preview[sheet]!.unchanged)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Review preview={preview} />
      {preview.samples.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('imports.preview.samples')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" striped data-testid="import-samples">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.preview.sheet')}</Table.Th>
                  <Table.Th ta="right">{t('imports.problems.row')}</Table.Th>
                  <Table.Th>{t('imports.preview.code')}</Table.Th>
                  <Table.Th>{t('imports.preview.name')}</Table.Th>
                  <Table.Th>{t('imports.preview.action')}</Table.Th>
                  <Table.Th>{t('imports.preview.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.samples.map((s, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{labels.sheet(s.sheet)}</Table.Td>
                    <Table.Td ta="right">{s.row}</Table.Td>
                    <Table.Td className="ocop-code">{s.code}</Table.Td>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>
                      <Badge color={s.action === 'create' ? 'teal' : 'blue'}>{t(`imports.preview.${s.action}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {s.changes.length === 0 ? (
                        '—'
                      ) : (
                        <List size="xs" spacing={0}>
                          {s.changes.map((c, j) => (
                            <List.Item key={j} style={{ overflowWrap: 'anywhere' }}>
                              {c}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}

function Committed({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const preview = job.preview;
  const total = (key: 'create' | 'update') => (preview ? sheetsOf(preview).reduce((n, sheet) => n + preview[sheet]![key], 0) : 0);
  return (
    <Alert color="green" icon={<IconCircleCheck aria-hidden />} title={t('imports.committed.title')} data-testid="import-committed">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('imports.committed.text', { created: formatNumber(total('create')), updated: formatNumber(total('update')) })}</Text>
        <Group gap="xs">
          <Button component={Link} to="/subjects" size="xs" variant="white">
            {t('nav.subjects')}
          </Button>
          <Button component={Link} to="/products" size="xs" variant="white">
            {t('nav.products')}
          </Button>
          <Button component={Link} to="/dashboard" size="xs" variant="white" leftSection={<IconLayoutDashboard size={14} aria-hidden />}>
            {t('nav.dashboard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

type JobPanelProps = { job: ImportJob; onStartOver: () => void };

/** One import through its states: checking → problems or preview → writing → done or failed. */
export function JobPanel({ job, onStartOver }: JobPanelProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const commit = useCommitImport(job.id);
  const afterCommit = useAfterCommit();
  const queryClient = useQueryClient();
  const previous = useRef(job.status);

  // The recent imports list shows the new state; once written, lists, counts and the dashboard are stale too.
  useEffect(() => {
    if (previous.current === job.status) return;
    previous.current = job.status;
    if (job.status === 'committed') void afterCommit();
    else void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
  }, [job.status, afterCommit, queryClient]);

  return (
    <Stack gap="md" data-testid="import-job">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('imports.job.files')}
          </Text>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {job.fileNames.join(', ')}
          </Text>
        </Stack>
        <Group gap="xs" justify="flex-end" align="flex-start">
          <StatusBadge job={job} />
        </Group>
      </SimpleGrid>

      {isRunning(job.status) && <RowsProgress job={job} />}
      {job.status === 'invalid' && <Problems job={job} />}
      {(job.status === 'validated' || job.status === 'committed') && <Preview job={job} />}
      {job.status === 'committed' && <Committed job={job} />}
      {job.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.failed')} role="alert">
          {job.failure ? label(job.failure) : t('imports.failedUnknown')}
        </Alert>
      )}

      <Group justify="flex-end" gap="xs">
        {!isRunning(job.status) && (
          <Button variant="default" onClick={onStartOver}>
            {job.status === 'validated' ? t('common.cancel') : t('imports.startOver')}
          </Button>
        )}
        {/* A commit cut short (a failure, a restart) keeps what it wrote and goes on from there. */}
        {(job.status === 'validated' || (job.status === 'failed' && job.preview !== null)) && (
          <Button
            color="green"
            leftSection={<IconDatabaseImport size={16} aria-hidden />}
            loading={commit.isPending}
            onClick={() =>
              commit.mutate(undefined, {
                onError: (error) => {
                  notifyError(error);
                  // Someone else committed or the job expired: show its state as the server has it.
                  if (isApiError(error) && error.status === 409) void afterCommit();
                },
              })
            }
          >
            {job.status === 'failed' ? t('imports.resume') : t('imports.commit')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
