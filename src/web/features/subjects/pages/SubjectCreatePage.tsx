import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateSubject } from '../api/subjects.js';
import { SubjectForm } from '../components/SubjectForm.js';

export function SubjectCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createSubject = useCreateSubject();
  return (
    <>
      <PageHeader title={t('subjects.new')} back={{ to: '/subjects', label: t('subjects.title') }} />
      <SubjectForm
        canChangePlacement
        submitLabel={t('subjects.new')}
        onCancel={() => void navigate('/subjects')}
        onSubmit={async (input) => {
          const subject = await createSubject.mutateAsync(input);
          notifySuccess(t('subjects.created'));
          await navigate(`/subjects/${subject.id}`, { replace: true });
        }}
      />
    </>
  );
}
