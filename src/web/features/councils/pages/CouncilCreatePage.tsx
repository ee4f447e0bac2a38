import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateCouncil } from '../api/councils.js';
import { CouncilForm, councilFormDefaults } from '../components/CouncilForm.js';

export function CouncilCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCouncil();
  return (
    <>
      <PageHeader title={t('councils.new')} back={{ to: '/councils', label: t('councils.title') }} />
      <CouncilForm
        defaultValues={councilFormDefaults(dayjs().year())}
        onCancel={() => void navigate('/councils')}
        onSubmit={async (input) => {
          await create.mutateAsync(input);
          notifySuccess(t('councils.created'));
          await navigate('/councils');
        }}
      />
    </>
  );
}
