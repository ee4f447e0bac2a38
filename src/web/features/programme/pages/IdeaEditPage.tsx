import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ForbiddenNotice } from '../../../components/ForbiddenNotice.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIdea, useUpdateIdea } from '../api/ideas.js';
import { IdeaForm, ideaFormValues } from '../components/IdeaForm.js';

export function IdeaEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const idea = useIdea(id);
  const update = useUpdateIdea(id);
  const access = useActivityAccess();
  const detail = `/activities/ideas/${id}`;
  return (
    <>
      <PageHeader title={idea.data?.title ?? t('programme.ideas.edit')} back={{ to: detail, label: t('programme.ideas.backToIdea') }} />
      <QueryView query={idea}>
        {(record) =>
          access.canEdit(record) ? (
            <IdeaForm
              defaultValues={ideaFormValues(record)}
              submitLabel={t('common.save')}
              onCancel={() => void navigate(detail)}
              onSubmit={async (input) => {
                await update.mutateAsync(input);
                notifySuccess(t('common.saved'));
                await navigate(detail, { replace: true });
              }}
            />
          ) : (
            <ForbiddenNotice />
          )
        }
      </QueryView>
    </>
  );
}
