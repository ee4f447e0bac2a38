import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatDate, orDash } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { useDeleteIdea, useIdea, type ProductIdea } from '../api/ideas.js';
import { IdeaStatusBadge } from '../components/badges.js';
import { BusinessPlans } from '../components/BusinessPlans.js';
import { ScreeningButton } from '../components/ScreeningButton.js';

function IdeaInformation({ idea }: { idea: ProductIdea }) {
  const { t } = useTranslation();
  const sets = useCriteriaSets();
  const set = sets.data?.find((s) => s.number === idea.criteriaSetNumber);
  return (
    <SectionCard title={t('programme.ideas.sections.idea')}>
      <FieldList
        items={[
          { label: t('programme.ideas.fields.communeCode'), value: idea.communeName },
          {
            label: t('programme.ideas.columns.proposer'),
            value: idea.subjectId ? (
              <Anchor component={Link} to={`/subjects/${idea.subjectId}`}>
                {idea.subjectName}
              </Anchor>
            ) : (
              orDash(idea.proposerName)
            ),
          },
          { label: t('programme.ideas.fields.receivedOn'), value: formatDate(idea.receivedOn) },
          { label: t('select.criteriaSet'), value: set ? criteriaSetLabel(set) : orDash(idea.criteriaSetNumber) },
          { label: t('programme.ideas.fields.description'), value: orDash(idea.description) },
          ...(idea.externalCode ? [{ label: t('programme.fields.externalCode'), value: idea.externalCode }] : []),
        ]}
      />
    </SectionCard>
  );
}

/** The commune's screening: its outcome and advice, and the button to screen for those who keep the idea. */
function Screening({ idea, canEdit }: { idea: ProductIdea; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('programme.screening.title')}>
      <Stack>
        {idea.status === 'received' ? (
          <Text size="sm" c="dimmed">
            {t('programme.screening.notYet')}
          </Text>
        ) : (
          <FieldList
            items={[
              { label: t('programme.screening.status'), value: <IdeaStatusBadge status={idea.status} /> },
              { label: t('programme.screening.screenedOn'), value: formatDate(idea.screenedOn) },
              { label: t('programme.screening.note'), value: orDash(idea.screeningNote) },
            ]}
          />
        )}
        {canEdit && <ScreeningButton idea={idea} />}
      </Stack>
    </SectionCard>
  );
}

/** One idea: what was proposed, the commune's screening, and the business plans built on it. */
export function IdeaDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const idea = useIdea(id);
  const access = useActivityAccess();
  const remove = useDeleteIdea();
  const back = { to: '/activities/ideas', label: t('programme.ideas.title') };

  if (!idea.data)
    return (
      <>
        <PageHeader title={t('programme.ideas.title')} back={back} />
        <QueryView query={idea}>{() => null}</QueryView>
      </>
    );

  const record = idea.data;
  const canEdit = access.canEdit(record);
  return (
    <>
      <PageHeader
        back={back}
        title={record.title}
        description={
          <Group gap="xs" component="span">
            <IdeaStatusBadge status={record.status} />
            <span>
              {record.communeName} · {t('programme.ideas.receivedOnValue', { date: formatDate(record.receivedOn) })}
            </span>
          </Group>
        }
        actions={
          canEdit && (
            <>
              <Button component={Link} to={`/activities/ideas/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
              {/* An idea with business plans is kept: the plans, and the grants naming them, hang on it. */}
              {record.plans.length === 0 && (
                <ConfirmDeleteButton
                  title={t('programme.ideas.deleteTitle')}
                  body={t('programme.ideas.deleteBody', { title: record.title })}
                  onConfirm={() =>
                    remove.mutateAsync(record.id, {
                      onSuccess: () => {
                        notifySuccess(t('programme.ideas.deleted'));
                        void navigate('/activities/ideas', { replace: true });
                      },
                      onError: (error) => reportMutationError(error),
                    })
                  }
                />
              )}
            </>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <IdeaInformation idea={record} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Screening idea={record} canEdit={canEdit} />
        </Grid.Col>
        <Grid.Col span={12}>
          <SectionCard title={t('programme.plans.title')}>
            <BusinessPlans idea={record} canEdit={canEdit} />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}
