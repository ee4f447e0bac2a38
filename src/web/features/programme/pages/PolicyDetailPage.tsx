import { Button, EmptyState, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCoin, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatVnd, orDash } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeletePolicy, usePolicy, usePolicyGrants, type SupportGrant, type SupportPolicy } from '../api/support.js';
import { budgetUse } from '../components/figures.js';
import { GrantDialog } from '../components/GrantDialog.js';
import { GrantResults } from '../components/GrantResults.js';
import { useProgrammeLabels } from '../components/labels.js';
import { PolicyDialog } from '../components/PolicyDialog.js';
import { PolicyProgress } from '../components/PolicyProgress.js';

function PolicyFigures({ policy }: { policy: SupportPolicy }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const use = budgetUse(policy);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <SectionCard title={t('programme.support.sections.policy')}>
          <FieldList
            items={[
              { label: t('programme.support.fields.area'), value: labels.supportArea(policy.area) },
              { label: t('programme.year'), value: String(policy.year) },
              { label: t('programme.support.fields.legalBasis'), value: orDash(policy.legalBasis) },
              { label: t('programme.fields.note'), value: orDash(policy.note) },
              ...(policy.externalCode ? [{ label: t('programme.fields.externalCode'), value: policy.externalCode }] : []),
            ]}
          />
        </SectionCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SectionCard title={t('programme.support.sections.budget')}>
          <Stack>
            <FieldList
              items={[
                { label: t('programme.support.fields.budgetVnd'), value: formatVnd(policy.budgetVnd) },
                { label: t('programme.support.committed'), value: formatVnd(policy.committedVnd) },
                { label: t('programme.support.disbursed'), value: formatVnd(policy.disbursedVnd) },
                ...(use.remainingVnd === null ? [] : [{ label: t('programme.support.remainingLabel'), value: formatVnd(use.remainingVnd) }]),
              ]}
            />
            <PolicyProgress policy={policy} />
          </Stack>
        </SectionCard>
      </Grid.Col>
    </Grid>
  );
}

function PolicyGrants({ policy, canManage }: { policy: SupportPolicy; canManage: boolean }) {
  const { t } = useTranslation();
  const grants = usePolicyGrants(policy.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<SupportGrant | null>(null);
  const openFor = (grant: SupportGrant | null) => {
    setEditing(grant);
    open();
  };
  return (
    <SectionCard
      title={t('programme.grants.title')}
      action={
        canManage && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openFor(null)}>
            {t('programme.grants.new')}
          </Button>
        )
      }
    >
      <QueryView
        query={grants}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState icon={<IconCoin aria-hidden />} title={t('programme.grants.emptyForPolicy')} py="lg" />}
      >
        {(data) => (
          <Stack>
            <GrantResults grants={data.items} showPolicy={false} onOpen={canManage ? (grant) => openFor(grant) : undefined} />
            <Text fw={700} ta="right" data-testid="grants-total">
              {t('programme.grants.total', { amount: formatVnd(data.totalVnd) })}
            </Text>
          </Stack>
        )}
      </QueryView>
      <GrantDialog opened={opened} onClose={close} grant={editing} policyId={policy.id} />
    </SectionCard>
  );
}

/** A support policy: its basis and budget, what its grants have committed and paid, and the grants themselves. */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useProgrammeLabels();
  const policy = usePolicy(id);
  const access = useActivityAccess();
  const remove = useDeletePolicy();
  const [editOpened, edit] = useDisclosure(false);
  const back = { to: '/activities/support', label: t('programme.support.title') };

  if (!policy.data)
    return (
      <>
        <PageHeader title={t('programme.support.title')} back={back} />
        <QueryView query={policy}>{() => null}</QueryView>
      </>
    );

  const record = policy.data;
  const canManage = access.canManageSupportOf(record.provinceCode);
  return (
    <>
      <PageHeader
        back={back}
        title={record.name}
        description={`${labels.supportArea(record.area)} · ${record.year}`}
        actions={
          canManage && (
            <Group gap="xs">
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                {t('common.edit')}
              </Button>
              <ConfirmDeleteButton
                title={t('programme.support.deleteTitle')}
                body={t('programme.support.deleteBody', { name: record.name })}
                onConfirm={() =>
                  remove.mutateAsync(record.id, {
                    onSuccess: () => {
                      notifySuccess(t('programme.support.deleted'));
                      void navigate('/activities/support', { replace: true });
                    },
                    onError: (error) => reportMutationError(error),
                  })
                }
              />
            </Group>
          )
        }
      />
      <Stack>
        <PolicyFigures policy={record} />
        <PolicyGrants policy={record} canManage={canManage} />
      </Stack>
      <PolicyDialog opened={editOpened} onClose={edit.close} policy={record} />
    </>
  );
}
