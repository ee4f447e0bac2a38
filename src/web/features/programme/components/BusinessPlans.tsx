import { Anchor, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusinessPlanInput as BusinessPlanInputSchema } from '../../../../contracts/programme.js';
import type { BusinessPlanKind, BusinessPlanStatus } from '../../../../domain/programme/index.js';
import { ideaMayHavePlan } from '../../../../domain/programme/index.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FieldList } from '../../../components/FieldList.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { formatDate, formatVnd, orDash } from '../../../lib/format.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeletePlan, useSavePlan, type BusinessPlan, type BusinessPlanInput, type ProductIdea } from '../api/ideas.js';
import { useSubjectProductOptions } from '../api/products.js';
import { PlanStatusBadge, ProductStageBadge } from './badges.js';
import { FormDateInput, FormNumberInput } from '../../../components/FormFields.js';
import { today } from './fields.js';
import { useProgrammeLabels } from './labels.js';

/** Editing state of a plan: Selects hold null until chosen; the amount '' while empty. */
type PlanFormValues = {
  kind: BusinessPlanKind;
  title: string;
  submittedOn: string | null;
  approvedOn: string | null;
  status: BusinessPlanStatus;
  investmentVnd: number | string;
  productId: string | null;
  progressNote: string;
  externalCode: string;
};

const resolver = contractResolver<PlanFormValues, typeof BusinessPlanInputSchema>(BusinessPlanInputSchema, (values) => ({
  ...values,
  investmentVnd: values.investmentVnd === '' ? null : Number(values.investmentVnd),
}));

const planFormValues = (plan: BusinessPlan | null): PlanFormValues => ({
  kind: plan?.kind ?? 'plan',
  title: plan?.title ?? '',
  submittedOn: plan?.submittedOn ?? today(),
  approvedOn: plan?.approvedOn ?? null,
  status: plan?.status ?? 'drafting',
  investmentVnd: plan?.investmentVnd ?? '',
  productId: plan?.productId ?? null,
  progressNote: textOrEmpty(plan?.progressNote),
  externalCode: textOrEmpty(plan?.externalCode),
});

/** The producer's products the plan may have become; the plan's own product stays listed. */
function ProductField({
  idea,
  plan,
  value,
  onChange,
  error,
}: {
  idea: ProductIdea;
  plan: BusinessPlan | null;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const products = useSubjectProductOptions(idea.subjectId);
  const options = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (plan?.productId && plan.productName && !options.some((o) => o.value === plan.productId))
    options.unshift({ value: plan.productId, label: plan.productName });
  return (
    <Select
      label={t('programme.plans.fields.productId')}
      description={idea.subjectId ? t('programme.plans.fields.productHint') : t('programme.plans.fields.productNeedsSubject')}
      placeholder={idea.subjectId ? t('select.choose') : undefined}
      data={options}
      disabled={!idea.subjectId || products.isLoading}
      clearable
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={t('select.nothingFound')}
    />
  );
}

function PlanForm({ idea, plan, onClose }: { idea: ProductIdea; plan: BusinessPlan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const save = useSavePlan(idea.id);
  const form = useForm<PlanFormValues, unknown, BusinessPlanInput>({ resolver, defaultValues: planFormValues(plan) });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync({ id: plan?.id ?? null, body });
      notifySuccess(plan ? t('common.saved') : t('programme.plans.created'));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormSelect
            control={control}
            name="kind"
            label={t('programme.plans.fields.kind')}
            required
            data={labels.planKindOptions}
            allowDeselect={false}
            error={errors.kind?.message}
          />
          <FormSelect
            control={control}
            name="status"
            label={t('programme.plans.fields.status')}
            required
            data={labels.planStatusOptions}
            allowDeselect={false}
            error={errors.status?.message}
          />
        </SimpleGrid>
        <TextInput label={t('programme.plans.fields.title')} required error={errors.title?.message} {...register('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormDateInput
            control={control}
            name="submittedOn"
            label={t('programme.plans.fields.submittedOn')}
            required
            maxDate={today()}
            error={errors.submittedOn?.message}
          />
          <FormDateInput
            control={control}
            name="approvedOn"
            label={t('programme.plans.fields.approvedOn')}
            clearable
            maxDate={today()}
            error={errors.approvedOn?.message}
          />
          <FormNumberInput vnd control={control} name="investmentVnd" label={t('programme.plans.fields.investmentVnd')} error={errors.investmentVnd?.message} />
          <Controller
            control={control}
            name="productId"
            render={({ field }) => <ProductField idea={idea} plan={plan} value={field.value} onChange={field.onChange} error={errors.productId?.message} />}
          />
        </SimpleGrid>
        <Textarea
          label={t('programme.plans.fields.progressNote')}
          autosize
          minRows={2}
          maxRows={8}
          error={errors.progressNote?.message}
          {...register('progressNote')}
        />
        <TextInput label={t('programme.fields.externalCode')} error={errors.externalCode?.message} {...register('externalCode')} />
        <FormActions onCancel={onClose} submitLabel={plan ? t('common.save') : t('programme.plans.add')} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}

/** A plan's card: what it is, how far it went, its product's stage in the OCOP cycle and the support it received. */
function PlanCard({ idea, plan, canEdit, onEdit }: { idea: ProductIdea; plan: BusinessPlan; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const remove = useDeletePlan();
  return (
    <Card withBorder padding="md" component="article" data-testid="business-plan">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {plan.title}
          </Text>
          <Text size="xs" c="dimmed">
            {labels.planKind(plan.kind)}
          </Text>
        </Stack>
        <PlanStatusBadge status={plan.status} />
      </Group>
      <FieldList
        items={[
          { label: t('programme.plans.fields.submittedOn'), value: formatDate(plan.submittedOn) },
          { label: t('programme.plans.fields.approvedOn'), value: formatDate(plan.approvedOn) },
          { label: t('programme.plans.fields.investmentVnd'), value: formatVnd(plan.investmentVnd) },
          {
            label: t('programme.plans.fields.productId'),
            value: plan.productId ? (
              <Group gap="xs" component="span">
                <Anchor component={Link} to={`/products/${plan.productId}`}>
                  {plan.productName}
                </Anchor>
                <ProductStageBadge stage={plan.productStage} />
              </Group>
            ) : (
              t('programme.plans.noProduct')
            ),
          },
          { label: t('programme.plans.grantsTotal'), value: formatVnd(plan.grantsTotalVnd) },
          { label: t('programme.plans.fields.progressNote'), value: orDash(plan.progressNote) },
        ]}
      />
      {canEdit && (
        <Group justify="flex-end" gap="xs" mt="sm">
          <Button variant="light" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            size="xs"
            title={t('programme.plans.deleteTitle')}
            body={t('programme.plans.deleteBody', { title: plan.title, idea: idea.title })}
            onConfirm={() =>
              remove.mutateAsync(plan.id, {
                onSuccess: () => notifySuccess(t('programme.plans.deleted')),
                onError: (error) => reportMutationError(error),
              })
            }
          />
        </Group>
      )}
    </Card>
  );
}

/**
 * The business plans or projects built on an idea (step 3 of the cycle). Only an accepted idea gets
 * one (ideaMayHavePlan); those who keep the idea add and edit them in a dialog.
 */
export function BusinessPlans({ idea, canEdit }: { idea: ProductIdea; canEdit: boolean }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<BusinessPlan | null>(null);
  const mayAdd = canEdit && ideaMayHavePlan(idea.status);
  const openFor = (plan: BusinessPlan | null) => {
    setEditing(plan);
    open();
  };
  return (
    <Stack>
      {idea.plans.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('programme.plans.none')}
        </Text>
      )}
      {idea.plans.map((plan) => (
        <PlanCard key={plan.id} idea={idea} plan={plan} canEdit={canEdit} onEdit={() => openFor(plan)} />
      ))}
      {mayAdd && (
        <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openFor(null)}>
          {t('programme.plans.add')}
        </Button>
      )}
      {canEdit && !ideaMayHavePlan(idea.status) && (
        <Text size="sm" c="dimmed">
          {t('programme.plans.needsAccepted')}
        </Text>
      )}
      <Modal
        opened={opened}
        onClose={close}
        title={editing ? t('programme.plans.editTitle') : t('programme.plans.addTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened && <PlanForm idea={idea} plan={editing} onClose={close} />}
      </Modal>
    </Stack>
  );
}
