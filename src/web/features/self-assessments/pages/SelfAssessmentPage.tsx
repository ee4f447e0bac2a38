import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { useSelfAssessment } from '../api/self-assessments.js';
import { SelfAssessmentSheet } from '../components/SelfAssessmentSheet.js';

export function SelfAssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  // Arriving from reopening a sheet filed with a dossier: this is the copy made for editing.
  const { state } = useLocation() as { state: { copiedFrom?: unknown } | null };
  const copiedFrom = typeof state?.copiedFrom === 'string' ? state.copiedFrom : undefined;
  const sheet = useSelfAssessment(id);
  const criteria = useCriteriaSet(sheet.data?.versionSlug ?? '', sheet.data?.setNumber ?? '', sheet.isSuccess);

  const failed = sheet.isError ? sheet : criteria.isError ? criteria : null;
  if (failed)
    return (
      <>
        <PageHeader title={t('selfAssessment.title')} back={{ to: '/products', label: t('products.title') }} />
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      </>
    );
  if (!sheet.data || !criteria.data) return <PageLoader />;
  // Keyed by the sheet: a reopened filed sheet opens its copy here, which starts afresh.
  return <SelfAssessmentSheet key={sheet.data.id} sheet={sheet.data} criteria={criteria.data} {...(copiedFrom ? { copiedFrom } : {})} />;
}
