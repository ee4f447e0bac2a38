import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { officeLevel } from '../../../../domain/policies/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { useCreateCouncil } from '../api/councils.js';
import { CouncilForm, councilFormDefaults } from '../components/CouncilForm.js';

export function CouncilCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCouncil();
  // The ministry's office sets up the central council; a province's office, the province's.
  const level = officeLevel(useActor()) ?? 'province';
  return (
    <>
      <PageHeader title={t('councils.new')} back={{ to: '/councils', label: t('councils.title') }} />
      <CouncilForm
        level={level}
        defaultValues={councilFormDefaults(dayjs().year())}
        onCancel={() => void navigate('/councils')}
        onSubmit={async (input) => {
          await create.mutateAsync(input);
          notifySuccess(t('councils.createdAttachRules'));
          await navigate('/councils');
        }}
      />
    </>
  );
}
