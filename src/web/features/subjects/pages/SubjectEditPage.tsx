import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { canEditSubject, canManageSubjectPlacement } from '../../../../domain/policies/index.js';
import { ForbiddenNotice } from '../../../components/ForbiddenNotice.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { useSubject, useUpdateSubject } from '../api/subjects.js';
import { SubjectForm } from '../components/SubjectForm.js';

export function SubjectEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const subject = useSubject(id);
  const updateSubject = useUpdateSubject(id);
  const detailPath = `/subjects/${id}`;

  if (subject.isPending) return <PageLoader />;
  if (subject.isError) return <QueryError error={subject.error} onRetry={() => void subject.refetch()} />;
  const ref = { id: subject.data.id, provinceCode: subject.data.provinceCode, communeCode: subject.data.communeCode };
  if (!canEditSubject(actor, ref)) return <ForbiddenNotice />;

  return (
    <>
      <PageHeader title={t('subjects.editTitle')} description={subject.data.name} back={{ to: detailPath, label: subject.data.name }} />
      <SubjectForm
        // A fresh form when the record was reloaded with other values.
        key={subject.data.updatedAt}
        initial={subject.data}
        canChangePlacement={canManageSubjectPlacement(actor, ref)}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(detailPath)}
        onSubmit={async (input) => {
          await updateSubject.mutateAsync(input);
          notifySuccess(t('common.saved'));
          await navigate(detailPath, { replace: true });
        }}
      />
    </>
  );
}
