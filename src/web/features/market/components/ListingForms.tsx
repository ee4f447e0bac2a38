import { Checkbox, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DistributionListingInput, DistributionListingUpdate, EcommerceListingInput, EcommerceListingUpdate } from '../../../../contracts/market.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { readOnlySelectProps } from '../../../components/read-only.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { notifySuccess } from '../../../lib/notify.js';
import {
  useCreateDistributionListing,
  useCreateEcommerceListing,
  useUpdateDistributionListing,
  useUpdateEcommerceListing,
  type DistributionListing,
  type DistributionListingInput as DistributionInput,
  type DistributionListingUpdate as DistributionUpdate,
  type EcommerceListing,
  type EcommerceListingInput as EcommerceInput,
  type EcommerceListingUpdate as EcommerceUpdate,
} from '../api/listings.js';
import { FormDateInput, FormNumberInput } from '../../../components/FormFields.js';
import { useMarketLabels } from './labels.js';
import {
  distributionFormValues,
  ecommerceFormValues,
  previewListingUrl,
  toDistributionInput,
  type DistributionFormValues,
  type EcommerceFormValues,
} from './listing-forms.js';
import { ProductSelect } from './ProductSelect.js';

const createEcommerce = contractResolver<EcommerceFormValues, typeof EcommerceListingInput>(EcommerceListingInput);
const updateEcommerce = contractResolver<EcommerceFormValues, typeof EcommerceListingUpdate>(EcommerceListingUpdate);
const createDistribution = contractResolver<DistributionFormValues, typeof DistributionListingInput>(DistributionListingInput, toDistributionInput);
const updateDistribution = contractResolver<DistributionFormValues, typeof DistributionListingUpdate>(DistributionListingUpdate, toDistributionInput);

/** A product fixed by the page the form opens from (its own page), shown but not chosen. */
export type FixedProduct = { id: string; name: string };

type EcommerceFormProps = {
  /** The listing being edited; none for a new one. */
  listing?: EcommerceListing;
  product?: FixedProduct;
  /** A producer's proposal: no activity or check date, which are the office's to record. */
  proposal?: boolean;
  onClose: () => void;
};

/** Platform, product and page address of an e-commerce listing, with the address the server will keep. */
export function EcommerceListingForm({ listing, product, proposal = false, onClose }: EcommerceFormProps) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const label = useLabel();
  const create = useCreateEcommerceListing();
  const update = useUpdateEcommerceListing();
  const form = useForm<EcommerceFormValues, unknown, EcommerceInput | EcommerceUpdate>({
    resolver: listing ? updateEcommerce : createEcommerce,
    defaultValues: ecommerceFormValues(listing, product?.id ?? null),
  });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  const [url, platform] = useWatch({ control, name: ['url', 'platform'] });
  const preview = previewListingUrl(url, platform);
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (input) => {
    try {
      const saved = listing ? await update.mutateAsync({ id: listing.id, ...(input as EcommerceUpdate) }) : await create.mutateAsync(input as EcommerceInput);
      notifySuccess(saved.status === 'proposed' ? t('market.listings.proposed', { url: saved.url }) : t('market.listings.savedUrl', { url: saved.url }));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="ecommerce-listing-form">
      <Stack>
        {listing || product ? (
          <TextInput label={t('market.products.product')} value={listing?.productName ?? product?.name ?? ''} {...readOnlySelectProps(true)} />
        ) : (
          <Controller
            control={control}
            name="productId"
            render={({ field }) => (
              <ProductSelect required value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={errors.productId?.message} />
            )}
          />
        )}
        <FormSelect
          control={control}
          name="platform"
          label={t('market.listings.fields.platform')}
          required
          placeholder={t('select.choose')}
          data={labels.platformOptions}
          allowDeselect={false}
          error={errors.platform?.message}
        />
        <TextInput
          label={t('market.listings.fields.url')}
          required
          type="url"
          inputMode="url"
          placeholder="https://shopee.vn/…"
          error={errors.url?.message}
          description={
            preview?.problem ? (
              <Text span size="xs" c="orange.8">
                {label(preview.problem)}
              </Text>
            ) : preview?.url ? (
              t('market.listings.willKeep', { url: preview.url })
            ) : (
              t('market.listings.urlHint')
            )
          }
          styles={{ description: { overflowWrap: 'anywhere' } }}
          {...register('url')}
        />
        {!proposal && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <FormDateInput control={control} name="lastCheckedOn" label={t('market.listings.fields.lastCheckedOn')} error={errors.lastCheckedOn?.message} />
            <Controller
              control={control}
              name="active"
              render={({ field }) => (
                <Checkbox
                  mt={{ base: 0, sm: 30 }}
                  label={t('market.listings.fields.activeHint')}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  ref={field.ref}
                />
              )}
            />
          </SimpleGrid>
        )}
        {proposal && (
          <Text size="sm" c="dimmed">
            {t('market.listings.proposalHint')}
          </Text>
        )}
        <FormActions
          onCancel={onClose}
          submitLabel={listing ? t('common.save') : proposal ? t('market.listings.propose') : t('market.listings.add')}
          submitting={isSubmitting}
        />
      </Stack>
    </form>
  );
}

type DistributionFormProps = { listing?: DistributionListing; product?: FixedProduct; onClose: () => void };

/** A product on a chain's shelves: the chain, its kind, how many of its stores and since when. */
export function DistributionListingForm({ listing, product, onClose }: DistributionFormProps) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const create = useCreateDistributionListing();
  const update = useUpdateDistributionListing();
  const form = useForm<DistributionFormValues, unknown, DistributionInput | DistributionUpdate>({
    resolver: listing ? updateDistribution : createDistribution,
    defaultValues: distributionFormValues(listing, product?.id ?? null),
  });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (input) => {
    try {
      if (listing) await update.mutateAsync({ id: listing.id, ...(input as DistributionUpdate) });
      else await create.mutateAsync(input as DistributionInput);
      notifySuccess(t('common.saved'));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="distribution-listing-form">
      <Stack>
        {listing || product ? (
          <TextInput label={t('market.products.product')} value={listing?.productName ?? product?.name ?? ''} {...readOnlySelectProps(true)} />
        ) : (
          <Controller
            control={control}
            name="productId"
            render={({ field }) => (
              <ProductSelect required value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={errors.productId?.message} />
            )}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('market.listings.fields.chain')}
            required
            placeholder="Co.opmart, WinMart…"
            error={errors.chain?.message}
            {...register('chain')}
          />
          <FormSelect
            control={control}
            name="channel"
            label={t('market.listings.fields.channel')}
            required
            data={labels.channelOptions}
            allowDeselect={false}
            error={errors.channel?.message}
          />
          <FormNumberInput control={control} name="stores" label={t('market.listings.fields.stores')} error={errors.stores?.message} />
          <FormDateInput control={control} name="since" label={t('market.listings.fields.since')} error={errors.since?.message} />
        </SimpleGrid>
        <Controller
          control={control}
          name="active"
          render={({ field }) => (
            <Checkbox
              label={t('market.listings.fields.activeHint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              ref={field.ref}
            />
          )}
        />
        <Textarea label={t('market.listings.fields.note')} autosize minRows={2} maxRows={6} error={errors.note?.message} {...register('note')} />
        <FormActions onCancel={onClose} submitLabel={listing ? t('common.save') : t('market.listings.addChain')} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
