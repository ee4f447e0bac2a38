import { Anchor, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Product } from '../api/products.js';
import { OcopStar } from '../../../components/CertificateStatusBadge.js';
import { ProductStatusBadge } from './ProductStatusBadge.js';
import { ProductThumb } from './ProductThumb.js';
import { CommuneName } from '../../subjects/index.js';

const criteriaSetText = (product: Product) => (product.criteriaSetNumber ? `${product.criteriaSetNumber}. ${product.criteriaSetName ?? ''}` : '—');

export function ProductTable({ products }: { products: readonly Product[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>
              <VisuallyHidden>{t('products.photos.title')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('products.fields.name')}</Table.Th>
            <Table.Th>{t('products.fields.ocopCode')}</Table.Th>
            <Table.Th>{t('products.fields.subjectId')}</Table.Th>
            <Table.Th>{t('products.fields.criteriaSetNumber')}</Table.Th>
            <Table.Th>{t('products.fields.ocop')}</Table.Th>
            <Table.Th>{t('products.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <Table.Tr key={product.id} className="clickable-row" onClick={() => void navigate(`/products/${product.id}`)}>
              <Table.Td>
                <ProductThumb product={product} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/products/${product.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {product.name}
                </Anchor>
              </Table.Td>
              <Table.Td className="ocop-code" style={{ whiteSpace: 'nowrap' }}>
                {product.ocopCode ?? '—'}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{product.subjectName}</Text>
                <Text size="xs" c="dimmed">
                  <CommuneName name={product.communeName} />
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" lineClamp={2}>
                  {criteriaSetText(product)}
                </Text>
              </Table.Td>
              <Table.Td>
                <OcopStar ocop={product.ocop} />
              </Table.Td>
              <Table.Td>
                <ProductStatusBadge status={product.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone layout of the list: one card per product, photo first. */
export function ProductCards({ products }: { products: readonly Product[] }) {
  return (
    <Stack gap="sm">
      {products.map((product) => (
        <Card key={product.id} withBorder padding="sm" component="article">
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <ProductThumb product={product} size={64} />
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Anchor component={Link} to={`/products/${product.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {product.name}
              </Anchor>
              <Text size="xs" className="ocop-code" c="ocop.8">
                {product.ocopCode}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {product.subjectName} · <CommuneName name={product.communeName} />
              </Text>
              <Group gap="xs" mt={4}>
                {product.ocop && <OcopStar ocop={product.ocop} />}
                <ProductStatusBadge status={product.status} />
              </Group>
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
