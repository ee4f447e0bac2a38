import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { useSelfAssessment } from '../api/self-assessments.js';
import { SelfAssessmentSheet } from '../components/SelfAssessmentSheet.js';

export function SelfAssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
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
  return <SelfAssessmentSheet sheet={sheet.data} criteria={criteria.data} />;
}
