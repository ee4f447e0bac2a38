import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClipboardCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { isApiError } from '../../../lib/api/client.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { useProductSelfAssessments, useStartSelfAssessment, type SelfAssessmentSummary } from '../api/self-assessments.js';
import { SelfAssessmentStatusBadge } from './SelfAssessmentStatusBadge.js';

function SheetRow({ sheet }: { sheet: SelfAssessmentSummary }) {
  const { t } = useTranslation();
  const date = formatDate(sheet.completedAt ?? sheet.updatedAt);
  return (
    <Group
      component="li"
      justify="space-between"
      gap="sm"
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="self-assessment-row"
    >
      <Stack gap={0} style={{ minWidth: 0, flex: '1 1 14rem' }}>
        <Anchor component={Link} to={`/self-assessments/${sheet.id}`} fw={500}>
          {t('selfAssessment.rowTitle', { date })}
        </Anchor>
        <Text size="xs" c="dimmed">
          {sheet.legalBasis} · {sheet.setNumber}. {sheet.setName}
        </Text>
      </Stack>
      <Group gap="sm" wrap="nowrap">
        <SelfAssessmentStatusBadge status={sheet.status} />
        {/* A draft has no total or star yet: they are kept when the sheet is completed. */}
        {sheet.total !== null && (
          <Text size="sm" fw={600} ta="right" style={{ whiteSpace: 'nowrap' }}>
            {t('criteria.points', { points: formatPoints(sheet.total) })}
          </Text>
        )}
        {sheet.star !== null && <Stars count={sheet.star} size={14} />}
      </Group>
    </Group>
  );
}

type ProductSelfAssessmentsProps = { productId: string; hasCriteriaSet: boolean; canStart: boolean };

/** The product's self-assessments, newest first, and the button that starts another. */
export function ProductSelfAssessments({ productId, hasCriteriaSet, canStart }: ProductSelfAssessmentsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sheets = useProductSelfAssessments(productId);
  const start = useStartSelfAssessment(productId);
  // A sheet is on the product's own criteria set: the server says which, and how to change it.
  const setMismatch = isApiError(start.error) && start.error.code === 'criteria_set_mismatch' ? start.error.message : null;

  const startButton = canStart && hasCriteriaSet && (
    <Button
      leftSection={<IconClipboardCheck size={16} aria-hidden />}
      loading={start.isPending}
      onClick={() =>
        start.mutate(undefined, {
          onSuccess: (sheet) => void navigate(`/self-assessments/${sheet.id}`),
          onError: (error) => {
            if (!(isApiError(error) && error.code === 'criteria_set_mismatch')) reportMutationError(error);
          },
        })
      }
    >
      {t('selfAssessment.start')}
    </Button>
  );

  return (
    <SectionCard title={t('selfAssessment.listTitle')} action={startButton}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('selfAssessment.intro')}
        </Text>
        {setMismatch && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="criteria-set-mismatch">
            {setMismatch}
          </Alert>
        )}
        {!hasCriteriaSet && (
          <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>
            {t('selfAssessment.noCriteriaSet')}
          </Alert>
        )}
        <QueryView query={sheets} isEmpty={(data) => data.length === 0} empty={<Text size="sm">{t('selfAssessment.empty')}</Text>}>
          {(data) => (
            <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {data.map((sheet) => (
                <SheetRow key={sheet.id} sheet={sheet} />
              ))}
            </Stack>
          )}
        </QueryView>
      </Stack>
    </SectionCard>
  );
}
