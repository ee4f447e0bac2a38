import { ActionIcon, Anchor, Badge, Button, Card, Group, Modal, Radio, Stack, Table, Text, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconSignature, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { FormActions } from '../../../components/FormActions.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { isApiError } from '../../../lib/api/client.js';
import { formatDate } from '../../../lib/format.js';
import { reportMutationError, typedDateInputProps } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useAddCarriedProducts, useAnswerConsent, useRemoveCarriedProduct, type CarriedProduct, type SalesPoint } from '../api/sales-points.js';
import { CONSENT_COLOR, useMarketLabels } from './labels.js';
import { ProductPicker } from './ProductPicker.js';

export function ConsentBadge({ product }: { product: Pick<CarriedProduct, 'consent' | 'consentOn'> }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={CONSENT_COLOR[product.consent]} variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>
        {labels.consent(product.consent)}
      </Badge>
      {product.consentOn && (
        <Text size="xs" c="dimmed">
          {t('market.consent.on', { date: formatDate(product.consentOn) })}
        </Text>
      )}
    </Stack>
  );
}

function AddProductsForm({ point, onClose }: { point: SalesPoint; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCarriedProducts(point.id);
  const [productIds, setProductIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (productIds.length === 0) return setError(t('market.products.pickOne'));
        add.mutate(productIds, {
          onSuccess: () => {
            notifySuccess(t('market.products.added', { count: productIds.length }));
            onClose();
          },
          onError: (e) => reportMutationError(e),
        });
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('market.products.addHint')}
        </Text>
        <ProductPicker
          value={productIds}
          onChange={(value) => {
            setProductIds(value);
            setError(null);
          }}
          exclude={point.products.map((p) => p.productId)}
          error={error}
          data-autofocus
        />
        <FormActions onCancel={onClose} submitLabel={t('market.products.add')} submitting={add.isPending} />
      </Stack>
    </form>
  );
}

/** The office's record of the producer's signed paper: its answer and the paper's date. */
function PaperConsentForm({ point, product, onClose }: { point: SalesPoint; product: CarriedProduct; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const record = useAnswerConsent();
  const [consent, setConsent] = useState<'given' | 'refused'>('given');
  const [consentOn, setConsentOn] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!consentOn) return setDateError(t('market.consent.dateRequired'));
        record.mutate(
          { salesPointId: point.id, productId: product.productId, consent, consentOn },
          {
            onSuccess: () => {
              notifySuccess(t('market.consent.recorded'));
              onClose();
            },
            onError: (error) => {
              if (isApiError(error)) setDateError(error.fields.consentOn ?? null);
              reportMutationError(error);
            },
          },
        );
      }}
    >
      <Stack>
        <Text size="sm">
          {product.productName} — {product.subjectName}
        </Text>
        <Radio.Group label={t('market.consent.answer')} required value={consent} onChange={(value) => setConsent(value === 'refused' ? 'refused' : 'given')}>
          <Group mt={6}>
            <Radio value="given" label={labels.consent('given')} />
            <Radio value="refused" label={labels.consent('refused')} />
          </Group>
        </Radio.Group>
        <DateInput
          label={t('market.consent.paperDate')}
          required
          placeholder={t('common.datePlaceholder')}
          valueFormat="DD/MM/YYYY"
          {...typedDateInputProps({
            value: consentOn,
            onChange: (value) => {
              setConsentOn(value);
              setDateError(null);
            },
            onBlur: () => undefined,
          })}
          error={dateError}
        />
        <FormActions onCancel={onClose} submitLabel={t('market.consent.record')} submitting={record.isPending} />
      </Stack>
    </form>
  );
}

function RowActions({ product, onConsent, onRemove }: { product: CarriedProduct; onConsent: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label={t('market.consent.recordPaper')}>
        <ActionIcon variant="subtle" onClick={onConsent} aria-label={t('market.consent.recordPaperFor', { name: product.productName })}>
          <IconSignature size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('market.products.remove')}>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('market.products.removeFor', { name: product.productName })}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/**
 * The products a point carries and where each producer's consent stands; those who keep the point
 * add products, take them off, and record a consent signed on paper with its date.
 */
export function CarriedProducts({ point, canEdit }: { point: SalesPoint; canEdit: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const remove = useRemoveCarriedProduct(point.id);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [consenting, setConsenting] = useState<CarriedProduct | null>(null);
  const [removing, setRemoving] = useState<CarriedProduct | null>(null);
  const products = point.products;

  const actions = (product: CarriedProduct) =>
    canEdit && <RowActions product={product} onConsent={() => setConsenting(product)} onRemove={() => setRemoving(product)} />;

  return (
    <SectionCard
      title={t('market.products.title', { count: products.length + point.otherProductCount })}
      action={
        canEdit && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={openAdd}>
            {t('market.products.add')}
          </Button>
        )
      }
    >
      {products.length === 0 ? (
        point.otherProductCount === 0 && (
          <Text size="sm" c="dimmed">
            {t('market.products.none')}
          </Text>
        )
      ) : isPhone ? (
        <Stack gap="sm">
          {products.map((product) => (
            <Card key={product.productId} withBorder padding="sm" component="article">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/products/${product.productId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {product.productName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {product.subjectName}
                  </Text>
                  {product.star && <Stars count={product.star} size={14} />}
                </Stack>
                {actions(product)}
              </Group>
              <ConsentBadge product={product} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="carried-products">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('market.products.product')}</Table.Th>
                <Table.Th>{t('market.products.producer')}</Table.Th>
                <Table.Th>{t('market.products.star')}</Table.Th>
                <Table.Th>{t('market.consent.label')}</Table.Th>
                {canEdit && <Table.Th w={90} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((product) => (
                <Table.Tr key={product.productId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/products/${product.productId}`} fw={500}>
                      {product.productName}
                    </Anchor>
                    {product.productCode && (
                      <Text size="xs" c="dimmed" className="ocop-code">
                        {product.productCode}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/subjects/${product.subjectId}`} size="sm">
                      {product.subjectName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{product.star ? <Stars count={product.star} size={14} /> : '—'}</Table.Td>
                  <Table.Td>
                    <ConsentBadge product={product} />
                  </Table.Td>
                  {canEdit && <Table.Td>{actions(product)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {point.otherProductCount > 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('market.products.others', { count: point.otherProductCount })}
        </Text>
      )}

      <Modal
        opened={adding}
        onClose={closeAdd}
        title={t('market.products.addTitle', { name: point.name })}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {adding && <AddProductsForm point={point} onClose={closeAdd} />}
      </Modal>
      <Modal
        opened={consenting !== null}
        onClose={() => setConsenting(null)}
        title={t('market.consent.recordPaper')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {consenting && <PaperConsentForm point={point} product={consenting} onClose={() => setConsenting(null)} />}
      </Modal>
      <ConfirmDeleteDialog
        opened={removing !== null}
        title={t('market.products.removeTitle')}
        body={removing ? t('market.products.removeBody', { product: removing.productName, point: point.name }) : ''}
        confirmLabel={t('market.products.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing
            ? remove.mutateAsync(removing.productId, {
                onSuccess: () => notifySuccess(t('market.products.removed')),
                onError: (error) => reportMutationError(error),
              })
            : Promise.resolve()
        }
      />
    </SectionCard>
  );
}
