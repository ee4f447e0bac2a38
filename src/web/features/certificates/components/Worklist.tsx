import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { DossierStateBadge, isDossierState } from '../../dossiers/index.js';
import { WORKLIST_PREVIEW } from '../../../../contracts/certificates.js';
import { useWorklist, type Certificate, type Worklist as WorklistData, type WorklistSection } from '../api/certificates.js';
import { useCertificateLabels } from './labels.js';

type Bucket = 'dueForRerating' | 'windowMissed' | 'lapsed';
const BUCKET_COLOR: Record<Bucket, string> = { dueForRerating: 'yellow', windowMissed: 'orange', lapsed: 'red' };

const ITEM_STYLE = { borderBottom: '1px solid var(--mantine-color-gray-2)' } as const;

function OverdueFlag() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="sm" leftSection={<IconClockExclamation size={12} aria-hidden />} data-testid="worklist-overdue">
      {t('certificates.worklist.overdue')}
    </Badge>
  );
}

function WorkItem({ certificate, bucket }: { certificate: Certificate; bucket: Bucket }) {
  const { t } = useTranslation();
  const window = certificate.reratingWindow;
  return (
    <Stack component="li" gap={2} py="xs" style={ITEM_STYLE} data-testid="worklist-item">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Anchor component={Link} to={`/certificates/${certificate.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {certificate.productName}
        </Anchor>
        <Stars count={certificate.star} size={12} />
      </Group>
      <Text size="xs" c="dimmed">
        {certificate.subjectName} · {certificate.communeName}
      </Text>
      <Text size="xs">
        {bucket === 'dueForRerating'
          ? t('certificates.worklist.window', { opens: formatDate(window.opens), closes: formatDate(window.closes) })
          : t('certificates.worklist.expires', { date: formatDate(certificate.expiresOn) })}
      </Text>
      <Anchor component={Link} to={`/products/${certificate.productId}?tab=dossiers`} size="xs">
        {t('certificates.worklist.openProduct')}
      </Anchor>
    </Stack>
  );
}

/** A certificate with a violation concluded: to be revoked within 15 days of the conclusion (Art. 8.4). */
function RevocationItem({ item }: { item: WorklistData['revocationsDue']['items'][number] }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const { certificate } = item;
  return (
    <Stack component="li" gap={2} py="xs" style={ITEM_STYLE} data-testid="revocation-due" data-overdue={item.overdue}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Anchor component={Link} to={`/certificates/${certificate.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {certificate.productName}
        </Anchor>
        <Stars count={certificate.star} size={12} />
      </Group>
      <Text size="xs" c="dimmed">
        {certificate.number} · {certificate.subjectName}
      </Text>
      {certificate.violation && (
        <Text size="xs" c="dimmed">
          {labels.ground(certificate.violation.ground)}
        </Text>
      )}
      <Group gap="xs">
        <Text size="xs" fw={600} c={item.overdue ? 'red.8' : undefined}>
          {t('certificates.worklist.revokeBy', { date: formatDate(item.dueOn) })}
        </Text>
        {item.overdue && <OverdueFlag />}
      </Group>
    </Stack>
  );
}

/** A dossier past a deadline of the procedure: the commune's 15 working days, a re-rating's 45 days, its round's result date. */
function OverdueDossierItem({ item }: { item: WorklistData['dossiersOverdue']['items'][number] }) {
  const label = useLabel();
  return (
    <Stack component="li" gap={2} py="xs" style={ITEM_STYLE} data-testid="dossier-overdue-item" data-rule={item.rule}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/dossiers/${item.dossierId}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {item.productName}
        </Anchor>
        {isDossierState(item.state) && <DossierStateBadge state={item.state} />}
      </Group>
      <Text size="xs" c="dimmed" className="ocop-code">
        {item.ocopCode}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <OverdueFlag />
        <Text size="xs" c="red.8">
          {label(item.label)}
        </Text>
      </Group>
    </Stack>
  );
}

/** A section of the work list: its count, its first items, and a button to show them all (or the first again). */
function Section({
  title,
  hint,
  section,
  color,
  testId,
  opened,
  onOpen,
  children,
}: {
  title: string;
  hint: string;
  section: { total: number; items: unknown[] };
  color: string;
  testId: string;
  opened: boolean;
  onOpen: (open: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { total } = section;
  return (
    <SectionCard title={title} action={<Badge color={total > 0 ? color : 'gray'}>{total}</Badge>} data-testid={testId}>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('certificates.worklist.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {children}
        </Stack>
      )}
      {total > WORKLIST_PREVIEW && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => onOpen(!opened)} data-testid={`${testId}-more`}>
          {opened ? t('certificates.worklist.showFewer', { count: WORKLIST_PREVIEW }) : t('certificates.worklist.showAll', { count: total })}
        </Button>
      )}
    </SectionCard>
  );
}

/**
 * "Việc cần làm": revocations due after a violation and dossiers past a deadline first, with their
 * overdue flags; then certificates to re-rate now, windows missed, labels lapsed in the last year.
 * Each section shows its most urgent items first; one at a time can be opened whole.
 */
export function Worklist() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<WorklistSection>();
  const worklist = useWorklist(true, open);
  if (worklist.isPending) return <PageLoader />;
  if (worklist.isError) return <QueryError error={worklist.error} onRetry={() => void worklist.refetch()} />;
  const { revocationsDue, dossiersOverdue } = worklist.data;
  const buckets: Bucket[] = ['dueForRerating', 'windowMissed', 'lapsed'];
  const opening = (name: WorklistSection) => ({ opened: open === name, onOpen: (whole: boolean) => setOpen(whole ? name : undefined) });
  return (
    <Stack gap="md" data-testid="worklist">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title={t('certificates.worklist.revocationsDue')}
          hint={t('certificates.worklist.revocationsDueHint')}
          section={revocationsDue}
          color="red"
          testId="worklist-revocations"
          {...opening('revocationsDue')}
        >
          {revocationsDue.items.map((item) => (
            <RevocationItem key={item.certificate.id} item={item} />
          ))}
        </Section>
        <Section
          title={t('certificates.worklist.dossiersOverdue')}
          hint={t('certificates.worklist.dossiersOverdueHint')}
          section={dossiersOverdue}
          color="red"
          testId="worklist-dossiers"
          {...opening('dossiersOverdue')}
        >
          {dossiersOverdue.items.map((item) => (
            <OverdueDossierItem key={`${item.dossierId}-${item.rule}`} item={item} />
          ))}
        </Section>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {buckets.map((bucket) => {
          const section = worklist.data[bucket];
          return (
            <Section
              key={bucket}
              title={t(`certificates.worklist.${bucket}`)}
              hint={t(`certificates.worklist.${bucket}Hint`)}
              section={section}
              color={BUCKET_COLOR[bucket]}
              testId={`worklist-${bucket}`}
              {...opening(bucket)}
            >
              {section.items.map((certificate) => (
                <WorkItem key={certificate.id} certificate={certificate} bucket={bucket} />
              ))}
            </Section>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
