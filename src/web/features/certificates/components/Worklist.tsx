import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate } from '../../../lib/format.js';
import { useWorklist, type Certificate } from '../api/certificates.js';

type Bucket = 'dueForRerating' | 'windowMissed' | 'lapsed';
const BUCKET_COLOR: Record<Bucket, string> = { dueForRerating: 'yellow', windowMissed: 'orange', lapsed: 'red' };

function WorkItem({ certificate, bucket }: { certificate: Certificate; bucket: Bucket }) {
  const { t } = useTranslation();
  const window = certificate.reratingWindow;
  return (
    <Stack component="li" gap={2} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="worklist-item">
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

/** "Việc cần làm": certificates to re-rate now, windows missed, labels lapsed in the last year. */
export function Worklist() {
  const { t } = useTranslation();
  const worklist = useWorklist(true);
  if (worklist.isPending) return <PageLoader />;
  if (worklist.isError) return <QueryError error={worklist.error} onRetry={() => void worklist.refetch()} />;
  const buckets: Bucket[] = ['dueForRerating', 'windowMissed', 'lapsed'];
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="worklist">
      {buckets.map((bucket) => {
        const items = worklist.data[bucket];
        return (
          <SectionCard key={bucket} title={t(`certificates.worklist.${bucket}`)} action={<Badge color={BUCKET_COLOR[bucket]}>{items.length}</Badge>}>
            <Text size="xs" c="dimmed" mb="xs">
              {t(`certificates.worklist.${bucket}Hint`)}
            </Text>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('certificates.worklist.none')}
              </Text>
            ) : (
              <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((certificate) => (
                  <WorkItem key={certificate.id} certificate={certificate} bucket={bucket} />
                ))}
              </Stack>
            )}
          </SectionCard>
        );
      })}
    </SimpleGrid>
  );
}
