import { Alert, Badge, Button, Group, Stack, Tabs } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { canDeleteSubject, canEditProduct, canEditSubject, canViewAudit } from '../../../../domain/policies/index.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCommuneNames } from '../../../lib/reference.js';
import { useActor } from '../../../lib/session.js';
import { HistoryTimeline } from '../../audit/index.js';
import { SubjectGrants, SubjectTrainings } from '../../programme/index.js';
import { useDeleteSubject, useSubject } from '../api/subjects.js';
import { isGender, isLegalForm, isSubjectStatus, useSubjectLabels } from '../components/labels.js';
import { SubjectDetails } from '../components/SubjectDetails.js';
import { SubjectProducts } from '../components/SubjectProducts.js';
import { SubjectStatusBadge } from '../components/SubjectStatusBadge.js';
import { CommuneName } from '../components/CommuneName.js';

const TABS = ['info', 'products', 'history'] as const;
/** History rows in the order of the registration form. */
const SUBJECT_FIELD_ORDER = [
  'name',
  'legalForm',
  'communeCode',
  'taxCode',
  'foundedOn',
  'status',
  'externalCode',
  'representativeName',
  'representativeGender',
  'representativeEthnicity',
  'representativeDisability',
  'address',
  'phone',
  'email',
  'workforceTotal',
  'workforceLocal',
  'workforceWomen',
];
type Tab = (typeof TABS)[number];

export function SubjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useSubjectLabels();
  const actor = useActor();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const subject = useSubject(id);
  const deleteSubject = useDeleteSubject();
  const communeNames = useCommuneNames();

  const back = { to: '/subjects', label: t('subjects.title') };
  if (subject.isPending) return <PageLoader />;
  if (subject.isError)
    return (
      <>
        <PageHeader title={t('subjects.title')} back={back} />
        <QueryError error={subject.error} onRetry={() => void subject.refetch()} />
      </>
    );

  const record = subject.data;
  const ref = { id: record.id, provinceCode: record.provinceCode, communeCode: record.communeCode };
  const showHistory = canViewAudit(actor);
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) && (requested !== 'history' || showHistory) ? requested : 'info';

  const remove = () =>
    deleteSubject.mutateAsync(record.id, {
      onSuccess: () => {
        notifySuccess(t('subjects.deleted'));
        void navigate('/subjects', { replace: true });
      },
      onError: (error) => reportMutationError(error),
    });

  return (
    <>
      <PageHeader
        back={back}
        title={record.name}
        description={
          <Group gap="xs" component="span">
            <Badge color="ocop" variant="outline">
              {labels.legalForm(record.legalForm)}
            </Badge>
            <SubjectStatusBadge status={record.status} />
            <span>
              <CommuneName name={record.communeName} />
            </span>
          </Group>
        }
        actions={
          <>
            {canEditSubject(actor, ref) && (
              <Button component={Link} to={`/subjects/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {canDeleteSubject(actor, ref) && (
              <ConfirmDeleteButton title={t('subjects.deleteTitle')} body={t('subjects.deleteBody', { name: record.name })} onConfirm={remove} />
            )}
          </>
        }
      />
      {record.communeCode === null && (
        <Alert color="yellow" variant="light" mb="md" title={t('subjects.communeUnknown')} data-testid="commune-unknown">
          {t('subjects.communeUnknownNotice')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'info' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="info">{t('subjects.tabs.info')}</Tabs.Tab>
          <Tabs.Tab value="products">{t('subjects.tabs.products', { count: record.productCount })}</Tabs.Tab>
          {showHistory && <Tabs.Tab value="history">{t('subjects.tabs.history')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="info">
          <Stack>
            <SubjectDetails subject={record} />
            <SubjectGrants subjectId={record.id} />
            <SubjectTrainings subjectId={record.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <SectionCard>
            <SubjectProducts subjectId={record.id} canRegister={canEditProduct(actor, ref)} />
          </SectionCard>
        </Tabs.Panel>
        {showHistory && (
          <Tabs.Panel value="history">
            <SectionCard>
              <Stack>
                <HistoryTimeline
                  collection="subjects"
                  id={record.id}
                  fieldLabel={labels.field}
                  fieldOrder={SUBJECT_FIELD_ORDER}
                  valueLabel={(field, value) => {
                    if (field === 'legalForm' && isLegalForm(value)) return labels.legalForm(value);
                    if (field === 'status' && isSubjectStatus(value)) return labels.status(value);
                    if (field === 'representativeGender' && isGender(value)) return labels.gender(value);
                    if (field === 'communeCode' && typeof value === 'string') return communeNames.get(value);
                    return undefined;
                  }}
                />
              </Stack>
            </SectionCard>
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
