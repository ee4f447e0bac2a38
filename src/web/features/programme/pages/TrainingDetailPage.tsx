import { Anchor, Button, Grid, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatNumber, orDash } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeleteTrainingCourse, useTrainingCourse, type TrainingCourse } from '../api/training.js';
import { attendeePeople, courseDates } from '../components/figures.js';

function Attendees({ course }: { course: TrainingCourse }) {
  const { t } = useTranslation();
  if (course.attendees.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('programme.training.attendees.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table data-testid="training-attendees">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.training.attendees.subjectId')}</Table.Th>
            <Table.Th ta="right">{t('programme.training.attendees.people')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {course.attendees.map((line) => (
            <Table.Tr key={line.subjectId}>
              <Table.Td>
                <Anchor component={Link} to={`/subjects/${line.subjectId}`} size="sm">
                  {line.subjectName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(line.people)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('programme.training.attendees.total')}</Table.Th>
            <Table.Th ta="right">{formatNumber(attendeePeople(course.attendees))}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One course: when and where, who ran it, how many came and which producers sent people. */
export function TrainingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const course = useTrainingCourse(id);
  const access = useActivityAccess();
  const remove = useDeleteTrainingCourse();
  const back = { to: '/activities/training', label: t('programme.training.title') };

  if (!course.data)
    return (
      <>
        <PageHeader title={t('programme.training.title')} back={back} />
        <QueryView query={course}>{() => null}</QueryView>
      </>
    );

  const record = course.data;
  const canEdit = access.canEdit(record);
  return (
    <>
      <PageHeader
        back={back}
        title={record.topic}
        description={courseDates(record)}
        actions={
          canEdit && (
            <>
              <Button component={Link} to={`/activities/training/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
              <ConfirmDeleteButton
                title={t('programme.training.deleteTitle')}
                body={t('programme.training.deleteBody', { topic: record.topic })}
                onConfirm={() =>
                  remove.mutateAsync(record.id, {
                    onSuccess: () => {
                      notifySuccess(t('programme.training.deleted'));
                      void navigate('/activities/training', { replace: true });
                    },
                    onError: (error) => reportMutationError(error),
                  })
                }
              />
            </>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SectionCard title={t('programme.training.sections.course')}>
            <FieldList
              items={[
                { label: t('programme.training.dates'), value: courseDates(record) },
                { label: t('programme.training.fields.place'), value: orDash(record.place) },
                { label: t('programme.training.fields.communeCode'), value: record.communeName ?? t('programme.training.provinceWide') },
                { label: t('programme.training.fields.organiser'), value: orDash(record.organiser) },
                { label: t('programme.training.fields.trainers'), value: orDash(record.trainers) },
                { label: t('programme.training.fields.participants'), value: formatNumber(record.participants) },
                { label: t('programme.fields.note'), value: orDash(record.note) },
                ...(record.externalCode ? [{ label: t('programme.fields.externalCode'), value: record.externalCode }] : []),
              ]}
            />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard title={t('programme.training.sections.attendees')}>
            <Attendees course={record} />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}
