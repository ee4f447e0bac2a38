import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ForbiddenNotice } from '../../../components/ForbiddenNotice.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSaveTrainingCourse, useTrainingCourse } from '../api/training.js';
import { TrainingForm, trainingFormValues } from '../components/TrainingForm.js';

const LIST = '/activities/training';

/** Recording a course held (the office, or a commune officer for their communes). */
export function TrainingCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveTrainingCourse();
  const defaultValues = useMemo(() => trainingFormValues(), []);
  return (
    <>
      <PageHeader title={t('programme.training.new')} back={{ to: LIST, label: t('programme.training.title') }} />
      <TrainingForm
        defaultValues={defaultValues}
        submitLabel={t('programme.training.new')}
        onCancel={() => void navigate(LIST)}
        onSubmit={async (body) => {
          const course = await save.mutateAsync({ id: null, body });
          notifySuccess(t('programme.training.created'));
          await navigate(`${LIST}/${course.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function TrainingEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const course = useTrainingCourse(id);
  const save = useSaveTrainingCourse();
  const access = useActivityAccess();
  const detail = `${LIST}/${id}`;
  return (
    <>
      <PageHeader title={course.data?.topic ?? t('programme.training.title')} back={{ to: detail, label: t('programme.training.backToCourse') }} />
      <QueryView query={course}>
        {(record) =>
          access.canEdit(record) ? (
            <TrainingForm
              defaultValues={trainingFormValues(record)}
              submitLabel={t('common.save')}
              onCancel={() => void navigate(detail)}
              onSubmit={async (body) => {
                await save.mutateAsync({ id, body });
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
