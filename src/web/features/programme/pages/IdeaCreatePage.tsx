import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateIdea } from '../api/ideas.js';
import { IdeaForm, ideaFormValues } from '../components/IdeaForm.js';

/** Receiving an idea (step 1 of the cycle): recorded by the commune's officer or the office. */
export function IdeaCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateIdea();
  const defaultValues = useMemo(() => ideaFormValues(), []);
  return (
    <>
      <PageHeader title={t('programme.ideas.new')} back={{ to: '/activities/ideas', label: t('programme.ideas.title') }} />
      <IdeaForm
        defaultValues={defaultValues}
        submitLabel={t('programme.ideas.new')}
        onCancel={() => void navigate('/activities/ideas')}
        onSubmit={async (input) => {
          const idea = await create.mutateAsync(input);
          notifySuccess(t('programme.ideas.created'));
          await navigate(`/activities/ideas/${idea.id}`, { replace: true });
        }}
      />
    </>
  );
}
