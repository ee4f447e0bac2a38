import { Alert, Button, EmptyState, Stack } from '@mantine/core';
import { IconAlertTriangle, IconClipboardList, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { canEditPlans } from '../../../../domain/policies/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { isApiError } from '../../../lib/api/client.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIndicatorCatalogue } from '../../../lib/reference.js';
import { useActor } from '../../../lib/session.js';
import { usePlan, useSavePlan } from '../api/plans.js';
import { PlanForm, planFormValues } from '../components/PlanForm.js';
import { PlanView } from '../components/PlanView.js';

function useYearParam(): number | null {
  const { year = '' } = useParams();
  const n = Number(year);
  return /^\d{4}$/u.test(year) && n >= 2018 && n <= 2100 ? n : null;
}

/** One year's plan: the admin edits it (creating it on first save), officers read it. */
export function PlanEditorPage() {
  const year = useYearParam();
  return year === null ? <Navigate to="/plans" replace /> : <PlanEditor year={year} />;
}

function PlanEditor({ year }: { year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const plan = usePlan(year);
  const catalogue = useIndicatorCatalogue();
  const save = useSavePlan(year);
  const [conflict, setConflict] = useState(false);
  const canEdit = canEditPlans(actor);
  const defaultTitle = t('plans.defaultTitle', { year });
  const defaultValues = useMemo(() => (plan.data === undefined ? null : planFormValues(plan.data, defaultTitle)), [plan.data, defaultTitle]);
  const back = { to: '/plans', label: t('plans.title') };

  if (plan.isPending || catalogue.isPending) return <PageLoader />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (catalogue.isError) return <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;

  const title = plan.data ? plan.data.title : t('plans.newTitle', { year });
  const description = plan.data ? t('plans.version', { year, version: plan.data.version }) : t('plans.notYetSaved');

  if (!canEdit)
    return (
      <>
        <PageHeader title={title} description={plan.data ? t('plans.readOnly') : undefined} back={back} />
        {plan.data ? (
          <PlanView plan={plan.data} catalogue={catalogue.data} />
        ) : (
          <EmptyState icon={<IconClipboardList aria-hidden />} title={t('plans.noPlanForYear', { year })} py="xl" />
        )}
      </>
    );

  return (
    <>
      <PageHeader title={title} description={description} back={back} />
      <Stack>
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('plans.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              {t('plans.conflictText')}
              <Button
                size="xs"
                variant="white"
                color="orange"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => {
                  setConflict(false);
                  void plan.refetch();
                }}
              >
                {t('plans.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {defaultValues && (
          <PlanForm
            // A newer version (saved here or reloaded after a conflict) starts the form afresh.
            key={plan.data?.version ?? 0}
            defaultValues={defaultValues}
            catalogue={catalogue.data}
            onCancel={() => void navigate('/plans')}
            onSubmit={async (content) => {
              try {
                await save.mutateAsync({ ...content, version: plan.data?.version });
              } catch (error) {
                if (isApiError(error) && error.status === 409) setConflict(true);
                throw error;
              }
              setConflict(false);
              notifySuccess(t('plans.saved', { year }));
            }}
          />
        )}
      </Stack>
    </>
  );
}
