import { ActionIcon, Badge, Button, Collapse, Divider, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconMapPin, IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SiteVisitBody } from '../../../../contracts/evaluation.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';
import { criteriaOfSet } from '../../../components/score-sheet/index.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { useRecordSiteVisit, useSiteVisits, type SiteVisit, type SiteVisitInput } from '../api/site-visits.js';

/** Newest visit first. */
export const byVisitDate = (visits: readonly SiteVisit[]) =>
  [...visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.createdAt.localeCompare(a.createdAt));

type SiteVisitListProps = {
  visits: readonly SiteVisit[];
  /** Criterion code → its label, to name the criteria of the notes; without it the notes are left out. */
  criterionLabels?: ReadonlyMap<string, string>;
};

/** Each visit's date, who went and what they found; with the labels, the notes on criteria too. */
export function SiteVisitList({ visits, criterionLabels }: SiteVisitListProps) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {byVisitDate(visits).map((visit, i) => {
        const notes = Object.entries(visit.criterionNotes).filter(([, text]) => text.trim() !== '');
        return (
          <Fragment key={visit.id}>
            {i > 0 && <Divider component="li" aria-hidden />}
            <Stack component="li" gap={4} data-testid="site-visit">
              <Group gap="xs" wrap="wrap">
                <IconMapPin size={16} aria-hidden color="var(--mantine-color-ocop-7)" />
                <Text fw={600} size="sm">
                  {t('dossiers.siteVisits.visitOn', { date: formatDate(visit.visitedOn) })}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('dossiers.siteVisits.visitorsValue', { visitors: visit.visitors })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {visit.summary}
              </Text>
              {criterionLabels && notes.length > 0 && (
                <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('dossiers.siteVisits.criterionNotes')}>
                  {notes.map(([code, text]) => (
                    <Text component="li" key={code} size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                      <Badge variant="outline" radius="sm" size="sm" mr={6} title={criterionLabels.get(code)}>
                        {code}
                      </Badge>
                      {text}
                    </Text>
                  ))}
                </Stack>
              )}
            </Stack>
          </Fragment>
        );
      })}
    </Stack>
  );
}

type VisitForm = { visitedOn: string | null; visitors: string; summary: string };
type NoteRow = { key: number; code: string | null; text: string };

type RowProblem = { code?: 'dossiers.siteVisits.chooseCriterion' | 'dossiers.siteVisits.duplicate'; text?: 'dossiers.siteVisits.noteEmpty' };

/** A note row's problem: a text without its criterion, a criterion without text, or a criterion twice. */
function rowProblems(rows: readonly NoteRow[]): Record<number, RowProblem> {
  const problems: Record<number, RowProblem> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const hasText = row.text.trim() !== '';
    if (!row.code && !hasText) continue;
    if (!row.code) problems[row.key] = { code: 'dossiers.siteVisits.chooseCriterion' };
    else if (!hasText) problems[row.key] = { text: 'dossiers.siteVisits.noteEmpty' };
    else if (seen.has(row.code)) problems[row.key] = { code: 'dossiers.siteVisits.duplicate' };
    if (row.code) seen.add(row.code);
  }
  return problems;
}

function RecordVisitForm({ dossierId, legalBasis, setNumber, onDone }: { dossierId: string; legalBasis: string; setNumber: number; onDone: () => void }) {
  const { t } = useTranslation();
  const criteria = useCriteriaSet(legalBasis, setNumber);
  const record = useRecordSiteVisit(dossierId);
  const options = useMemo(
    () => (criteria.data ? criteriaOfSet(criteria.data.set).map((c) => ({ value: c.code, label: `${c.code}. ${c.label}` })) : []),
    [criteria.data],
  );
  const [rows, setRows] = useState<NoteRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [checked, setChecked] = useState(false);
  const problems = checked ? rowProblems(rows) : {};

  const form = useForm<VisitForm, unknown, Omit<SiteVisitInput, 'criterionNotes'>>({
    resolver: contractResolver(SiteVisitBody.omit({ criterionNotes: true })),
    defaultValues: { visitedOn: todayInVietnam(), visitors: '', summary: '' },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);

  const updateRow = (key: number, change: Partial<NoteRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addRow = () => {
    setRows((current) => [...current, { key: nextKey, code: null, text: '' }]);
    setNextKey((k) => k + 1);
  };

  const submit = form.handleSubmit(async (body) => {
    if (Object.keys(rowProblems(rows)).length > 0) return;
    const criterionNotes = Object.fromEntries(rows.filter((row) => row.code && row.text.trim() !== '').map((row) => [row.code as string, row.text.trim()]));
    try {
      await record.mutateAsync({ ...body, criterionNotes });
      notifySuccess(t('dossiers.siteVisits.saved'));
      form.reset();
      setRows([]);
      setChecked(false);
      onDone();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form
      onSubmit={(event) => {
        setChecked(true);
        void submit(event);
      }}
      noValidate
      data-testid="site-visit-form"
    >
      <Stack gap="sm">
        <SimpleGrid cols={1} spacing="sm">
          <Controller
            control={form.control}
            name="visitedOn"
            render={({ field }) => (
              <DateInput
                label={t('dossiers.siteVisits.visitedOn')}
                required
                valueFormat="DD/MM/YYYY"
                placeholder={t('common.datePlaceholder')}
                maxDate={todayInVietnam()}
                {...typedDateInputProps(field)}
                ref={field.ref}
                error={errors.visitedOn?.message}
              />
            )}
          />
          <TextInput label={t('dossiers.siteVisits.visitors')} required maxLength={500} error={errors.visitors?.message} {...form.register('visitors')} />
        </SimpleGrid>
        <Textarea
          label={t('dossiers.siteVisits.summary')}
          required
          autosize
          minRows={2}
          maxLength={5000}
          error={errors.summary?.message}
          {...form.register('summary')}
        />
        {rows.map((row, index) => {
          const problem = problems[row.key];
          return (
            <Fieldset key={row.key} legend={t('dossiers.siteVisits.noteRow', { index: index + 1 })} variant="filled" radius="md" p="sm">
              <Stack gap="xs">
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <Select
                    label={t('dossiers.siteVisits.criterion')}
                    placeholder={t('select.choose')}
                    data={options}
                    searchable
                    filter={accentInsensitiveFilter}
                    nothingFoundMessage={t('select.nothingFound')}
                    value={row.code}
                    onChange={(code) => updateRow(row.key, { code })}
                    error={problem?.code ? t(problem.code) : undefined}
                    disabled={!criteria.data}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={problem?.code ? 22 : 0}
                    aria-label={t('dossiers.siteVisits.removeNote', { index: index + 1 })}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                <Textarea
                  label={t('dossiers.siteVisits.note')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={row.text}
                  onChange={(event) => updateRow(row.key, { text: event.currentTarget.value })}
                  error={problem?.text ? t(problem.text) : undefined}
                />
              </Stack>
            </Fieldset>
          );
        })}
        <Group justify="space-between" gap="xs">
          <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={addRow}>
            {t('dossiers.siteVisits.addNote')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('dossiers.siteVisits.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

type SiteVisitsPanelProps = {
  dossierId: string;
  legalBasis: string;
  setNumber: number;
  /** The office, while the dossier is under review. */ mayRecord: boolean;
};

/** The advisory team's site visits on the dossier page; the office records them while the dossier is under review. */
export function SiteVisitsPanel({ dossierId, legalBasis, setNumber, mayRecord }: SiteVisitsPanelProps) {
  const { t } = useTranslation();
  const visits = useSiteVisits(dossierId);
  const criteria = useCriteriaSet(legalBasis, setNumber);
  const [recording, setRecording] = useState(false);
  const labels = useMemo(() => new Map(criteria.data ? criteriaOfSet(criteria.data.set).map((c) => [c.code, c.label] as const) : []), [criteria.data]);
  const list = visits.data ?? [];
  if (list.length === 0 && !mayRecord) return null;

  return (
    <SectionCard
      title={t('dossiers.siteVisits.title')}
      data-testid="site-visits"
      action={
        mayRecord &&
        !recording && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRecording(true)}>
            {t('dossiers.siteVisits.record')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {mayRecord && (
          <Collapse expanded={recording}>
            {recording && <RecordVisitForm dossierId={dossierId} legalBasis={legalBasis} setNumber={setNumber} onDone={() => setRecording(false)} />}
          </Collapse>
        )}
        {list.length > 0 ? (
          <SiteVisitList visits={list} criterionLabels={labels} />
        ) : (
          !recording && (
            <Text size="sm" c="dimmed">
              {t('dossiers.siteVisits.empty')}
            </Text>
          )
        )}
      </Stack>
    </SectionCard>
  );
}
