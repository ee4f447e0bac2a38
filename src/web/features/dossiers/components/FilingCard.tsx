import { Anchor, Badge, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFile, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEGAL_FORM_LABELS, type LegalForm } from '../../../../domain/subjects/legal-forms.js';
import { FieldList } from '../../../components/FieldList.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatBytes, formatDate, formatPoints, orDash } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { useDossierFiling, type DossierFiling } from '../api/dossiers.js';

/** The first characters of a SHA-256, enough to compare by eye; the whole hash is in the tooltip. */
export const shortHash = (hash: string) => hash.slice(0, 12);

const isLegalForm = (value: string): value is LegalForm => Object.hasOwn(LEGAL_FORM_LABELS, value);

function EvidenceList({ filing }: { filing: DossierFiling }) {
  const { t } = useTranslation();
  const evidence = [...filing.selfAssessment.evidence].sort((a, b) => a.criterionCode.localeCompare(b.criterionCode, 'vi', { numeric: true }));
  if (evidence.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('dossiers.filing.noEvidence')}
      </Text>
    );
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="filed-evidence">
      {evidence.map((e) => {
        const hash = filing.evidenceHashes[e.id];
        return (
          <Group key={e.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
            {e.kind === 'file' ? (
              <IconFile size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            ) : (
              <IconLink size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            )}
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Badge variant="light" size="sm" radius="sm">
                  {t('dossiers.filing.criterion', { code: e.criterionCode })}
                </Badge>
                <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {e.kind === 'file' ? (e.filename ?? e.url) : e.url}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed">
                {e.kind === 'file' ? (e.bytes !== null ? formatBytes(e.bytes) : '') : t('dossiers.filing.link')}
                {hash && (
                  <>
                    {e.bytes !== null ? ' · ' : ''}
                    <Tooltip label={t('dossiers.filing.hashLabel', { hash })} multiline maw={320} style={{ overflowWrap: 'anywhere' }}>
                      <Text span inherit className="ocop-code" aria-label={t('dossiers.filing.hashLabel', { hash })} data-testid="evidence-hash">
                        {t('dossiers.filing.hash', { hash: shortHash(hash) })}
                      </Text>
                    </Tooltip>
                  </>
                )}
              </Text>
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}

/** "Hồ sơ đã nộp": the immutable copy the dossier is judged on, never the live product or producer. */
function FilingView({ filing }: { filing: DossierFiling }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { product, subject, selfAssessment: sheet } = filing;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('dossiers.filing.intro', { date: formatDate(filing.filedOn), seq: filing.seq })}
      </Text>
      <Stack gap="xs">
        <Title order={3} fz="sm">
          {t('dossiers.filing.product')}
        </Title>
        <FieldList
          items={[
            { label: t('products.fields.name'), value: product.name },
            { label: t('products.fields.ocopCode'), value: <span className="ocop-code">{product.ocopCode}</span> },
            { label: t('products.fields.criteriaSetNumber'), value: orDash(product.criteriaSetNumber) },
            { label: t('products.fields.packaging'), value: orDash(product.packaging) },
            { label: t('products.fields.netContent'), value: orDash(product.netContent) },
            { label: t('products.fields.barcode'), value: orDash(product.barcode) },
            { label: t('products.fields.qualityDeclarationNo'), value: orDash(product.qualityDeclarationNo) },
            ...(product.ingredients ? [{ label: t('products.fields.ingredients'), value: product.ingredients }] : []),
          ]}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="sm">
          {t('dossiers.filing.subject')}
        </Title>
        <FieldList
          items={[
            { label: t('subjects.fields.name'), value: subject.name },
            { label: t('subjects.fields.legalForm'), value: isLegalForm(subject.legalForm) ? label(LEGAL_FORM_LABELS[subject.legalForm]) : subject.legalForm },
            { label: t('subjects.fields.taxCode'), value: orDash(subject.taxCode) },
            { label: t('subjects.fields.representativeName'), value: orDash(subject.representativeName) },
            { label: t('subjects.fields.address'), value: orDash(subject.address) },
            { label: t('dossiers.filing.place'), value: `${subject.communeName}, ${subject.provinceName}` },
            { label: t('subjects.fields.phone'), value: orDash(subject.phone) },
          ]}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="sm">
          {t('dossiers.filing.selfAssessment')}
        </Title>
        <Group gap="sm" wrap="wrap" data-testid="filed-self-assessment">
          <Text size="sm" fw={600}>
            {sheet.total === null ? '—' : t('criteria.points', { points: formatPoints(sheet.total) })}
          </Text>
          {sheet.star !== null && sheet.star > 0 && <Stars count={sheet.star} size={14} />}
          <Text size="xs" c="dimmed">
            {sheet.setName} · {formatDate(sheet.completedAt)}
          </Text>
          <Anchor component={Link} to={`/self-assessments/${sheet.id}`} size="sm">
            {t('dossiers.filing.openSheet')}
          </Anchor>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="sm">
          {t('dossiers.filing.evidence', { count: filing.selfAssessment.evidence.length })}
        </Title>
        <EvidenceList filing={filing} />
      </Stack>
    </Stack>
  );
}

/** What the dossier was filed with; before the first filing, a word on what filing will keep. */
export function FilingCard({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const filing = useDossierFiling(dossierId);
  return (
    <SectionCard
      title={t('dossiers.sections.filing')}
      action={filing.data && <Badge variant="light">{formatDate(filing.data.filedOn)}</Badge>}
      data-testid="dossier-filing"
    >
      <QueryView
        query={filing}
        isEmpty={(data) => data === null}
        empty={
          <Text size="sm" c="dimmed">
            {t('dossiers.filing.notFiled')}
          </Text>
        }
      >
        {(data) => data !== null && <FilingView filing={data} />}
      </QueryView>
    </SectionCard>
  );
}
