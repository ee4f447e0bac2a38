import { Badge, Box, Collapse, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconClipboardList, IconMapPin, IconPaperclip } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { criteriaOfSet, type Criterion } from '../../../components/score-sheet/index.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { SiteVisitList, useSiteVisits, type SiteVisit } from '../../dossiers/index.js';
import { EvidenceList, type Evidence, type SelfAssessment } from '../../self-assessments/index.js';
import { useDossierFiling, type DossierFiling } from '../api/filing.js';
import type { Sheet } from '../api/sheets.js';

/** What the member weighs beside one criterion: the producer's own answer and evidence, and the site visits' notes. */
type CriterionContextData = {
  sheetId: string | null;
  /** The producer's option, null when left unanswered; undefined without a self-assessment. */
  selfAssessed: { label: string; points: number } | null | undefined;
  note: string;
  evidence: readonly Evidence[];
  visitNotes: readonly { visitId: string; visitedOn: string; text: string }[];
};

function CriterionContext({ code, data }: { code: string; data: CriterionContextData }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(!isPhone);
  const { selfAssessed, note, evidence, visitNotes, sheetId } = data;
  const panelId = `criterion-context-${code}`;

  return (
    <Box className="criterion-context" data-testid="criterion-context" data-open={open}>
      <UnstyledButton
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('councils.context.toggleFor', { code })}
        w="100%"
        className="criterion-context-toggle"
      >
        <Group gap={6} wrap="wrap" justify="space-between">
          <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
            <IconClipboardList size={16} aria-hidden color="var(--mantine-color-ocop-7)" />
            <Text size="xs" fw={600} c="ocop.9" tt="uppercase">
              {t('councils.context.short')}
            </Text>
            {selfAssessed !== undefined && (
              <Badge size="sm" variant="light" color={selfAssessed ? 'blue' : 'gray'} radius="sm">
                {selfAssessed ? t('councils.context.selfPoints', { points: formatPoints(selfAssessed.points) }) : t('councils.context.selfNone')}
              </Badge>
            )}
            {evidence.length > 0 && (
              <Badge size="sm" variant="outline" color="gray" radius="sm" leftSection={<IconPaperclip size={12} aria-hidden />}>
                {evidence.length}
              </Badge>
            )}
            {visitNotes.length > 0 && (
              <Badge size="sm" variant="outline" color="teal" radius="sm" leftSection={<IconMapPin size={12} aria-hidden />}>
                {visitNotes.length}
              </Badge>
            )}
          </Group>
          <IconChevronDown size={16} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap={6} mt={6} id={panelId}>
          {selfAssessed !== undefined && (
            <Text size="sm" data-testid="self-assessed" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={600} inherit>
                {t('councils.context.selfAssessed')}:
              </Text>{' '}
              {selfAssessed ? (
                <>
                  {selfAssessed.label}{' '}
                  <Badge size="sm" variant="light" color="blue" radius="sm" component="span">
                    {t('criteria.points', { points: formatPoints(selfAssessed.points) })}
                  </Badge>
                </>
              ) : (
                <Text span c="dimmed" inherit>
                  {t('councils.context.selfNone')}
                </Text>
              )}
            </Text>
          )}
          {note !== '' && (
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="producer-note">
              <Text span fw={600} inherit>
                {t('councils.context.producerNote')}:
              </Text>{' '}
              {note}
            </Text>
          )}
          {sheetId && evidence.length > 0 && (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('councils.context.evidence')}:
              </Text>
              <EvidenceList sheetId={sheetId} items={evidence} editable={false} />
            </Stack>
          )}
          {visitNotes.map((visit) => (
            <Text key={visit.visitId} size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="site-visit-note">
              <Text span fw={600} c="teal.9" inherit>
                {t('councils.context.visitNote', { date: formatDate(visit.visitedOn) })}:
              </Text>{' '}
              {visit.text}
            </Text>
          ))}
        </Stack>
      </Collapse>
    </Box>
  );
}

function contextOf(
  code: string,
  producer: SelfAssessment | undefined,
  producerCriteria: ReadonlyMap<string, Criterion> | undefined,
  visits: readonly SiteVisit[],
): CriterionContextData | null {
  const choice = producer?.choices[code];
  const option = choice === undefined ? undefined : producerCriteria?.get(code)?.options[choice];
  const visitNotes = visits.flatMap((visit) => {
    const text = visit.criterionNotes[code]?.trim();
    return text ? [{ visitId: visit.id, visitedOn: visit.visitedOn, text }] : [];
  });
  // The producer's option is named once its criteria set is at hand (the sheet's, almost always).
  const selfAssessed = !producer || !producerCriteria ? undefined : option ? { label: option.label, points: option.points } : null;
  if (selfAssessed === undefined && visitNotes.length === 0) return null;
  return {
    sheetId: producer?.id ?? null,
    selfAssessed,
    note: producer?.notes[code]?.trim() ?? '',
    evidence: producer?.evidence.filter((e) => e.criterionCode === code) ?? [],
    visitNotes,
  };
}

/**
 * The producer's self-assessment as the dossier was filed with it (choices, notes, evidence — the
 * filed copies, whatever the producer changed since) and the advisory team's site visits, as a
 * council member sees them beside their own sheet: a card above, and a compact block under each
 * criterion (collapsed on a phone). Neither blocks the sheet: what has not arrived is left out.
 */
export function useSheetContext(sheet: Sheet) {
  const filing = useDossierFiling(sheet.dossierId);
  const producer = filing.data?.selfAssessment;
  const producerSet = useCriteriaSet(producer?.versionSlug ?? '', producer?.setNumber ?? '', filing.isSuccess);
  const visits = useSiteVisits(sheet.dossierId);

  const producerCriteria = useMemo(
    () => (producerSet.data ? new Map(criteriaOfSet(producerSet.data.set).map((c) => [c.code, c] as const)) : undefined),
    [producerSet.data],
  );
  const extras = useMemo(() => {
    const map = new Map<string, ReactNode>();
    if (!producerSet.data && !visits.data) return map;
    for (const criterion of producerCriteria?.values() ?? []) {
      const data = contextOf(criterion.code, producer, producerCriteria, visits.data ?? []);
      if (data) map.set(criterion.code, <CriterionContext code={criterion.code} data={data} />);
    }
    // Notes on criteria of the sheet's set when the producer's set is not at hand.
    for (const visit of visits.data ?? [])
      for (const code of Object.keys(visit.criterionNotes)) {
        if (map.has(code)) continue;
        const data = contextOf(code, undefined, undefined, visits.data ?? []);
        if (data) map.set(code, <CriterionContext code={code} data={data} />);
      }
    return map;
  }, [producer, producerCriteria, producerSet.data, visits.data]);

  const header = <SheetContextCard filing={filing.data} failed={filing.isError} visits={visits.data} />;
  return { header, extras };
}

function SheetContextCard({ filing, failed, visits }: { filing: DossierFiling | undefined; failed: boolean; visits: readonly SiteVisit[] | undefined }) {
  const { t } = useTranslation();
  const producer: SelfAssessment | undefined = filing?.selfAssessment;
  return (
    <SectionCard title={t('councils.context.title')} data-testid="sheet-context" padding="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t('councils.context.intro')}
        </Text>
        {failed ? (
          <Text size="sm" c="dimmed" data-testid="filing-unavailable">
            {t('councils.context.filingUnavailable')}
          </Text>
        ) : (
          filing &&
          producer && (
            <Stack gap={4} data-testid="filed-self-assessment" data-filing-seq={filing.seq}>
              <Text size="xs" c="dimmed">
                {t(filing.seq > 1 ? 'councils.context.filedAgain' : 'councils.context.filed', { date: formatDate(filing.filedOn), seq: filing.seq })}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {t('councils.context.selfTotal', { points: formatPoints(producer.total ?? producer.progress.total) })}
                </Text>
                {producer.star !== null && producer.star > 0 && <Stars count={producer.star} size={16} />}
              </Group>
              {producer.generalNote && (
                <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  <Text span fw={600} inherit>
                    {t('councils.context.generalNote')}:
                  </Text>{' '}
                  {producer.generalNote}
                </Text>
              )}
            </Stack>
          )
        )}
        <Title order={3} fz="sm" fw={600}>
          {t('dossiers.siteVisits.title')}
        </Title>
        {visits && visits.length > 0 ? (
          <SiteVisitList visits={visits} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('dossiers.siteVisits.empty')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
