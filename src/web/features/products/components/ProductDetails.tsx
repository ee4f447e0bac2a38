import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldList } from '../../../components/FieldList.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, formatDateTime, orDash } from '../../../lib/format.js';
import type { Product } from '../api/products.js';
import { useProductLabels } from './labels.js';
import { ProductStatusBadge } from './ProductStatusBadge.js';
import { OcopStar } from '../../../components/CertificateStatusBadge.js';
import { CommuneName } from '../../subjects/index.js';

export function ProductGeneral({ product }: { product: Product }) {
  const labels = useProductLabels();
  const { t } = useTranslation();
  return (
    <SectionCard title={t('products.sections.general')}>
      <FieldList
        items={[
          {
            label: labels.field('subjectId'),
            value: (
              <Anchor component={Link} to={`/subjects/${product.subjectId}`}>
                {product.subjectName}
              </Anchor>
            ),
          },
          { label: labels.field('communeName'), value: <CommuneName name={product.communeName} /> },
          {
            label: labels.field('criteriaSetNumber'),
            value: product.criteriaSetNumber ? `${product.criteriaSetNumber}. ${product.criteriaSetName ?? ''}` : '—',
          },
          { label: labels.field('criteriaLegalBasis'), value: orDash(product.criteriaLegalBasis) },
          {
            label: labels.field('ocop'),
            value: product.ocop ? (
              <Anchor component={Link} to={`/certificates/${product.ocop.certificateId}`} aria-label={`${product.ocop.number}`}>
                <OcopStar ocop={product.ocop} />{' '}
                <Text span size="sm">
                  {product.ocop.number}
                </Text>
              </Anchor>
            ) : (
              t('products.notCertified')
            ),
          },
          { label: labels.field('status'), value: <ProductStatusBadge status={product.status} /> },
          { label: labels.field('createdAt'), value: formatDateTime(product.createdAt) },
          { label: labels.field('updatedAt'), value: formatDateTime(product.updatedAt) },
        ]}
      />
    </SectionCard>
  );
}

export function ProductCharacteristics({ product }: { product: Product }) {
  const labels = useProductLabels();
  const { t } = useTranslation();
  return (
    <SectionCard title={t('products.sections.details')}>
      <FieldList
        items={[
          { label: labels.field('description'), value: orDash(product.description) },
          { label: labels.field('ingredients'), value: orDash(product.ingredients) },
          { label: labels.field('packaging'), value: orDash(product.packaging) },
          { label: labels.field('netContent'), value: orDash(product.netContent) },
          { label: labels.field('barcode'), value: orDash(product.barcode) },
          { label: labels.field('qualityDeclarationNo'), value: orDash(product.qualityDeclarationNo) },
        ]}
      />
    </SectionCard>
  );
}

export function ProductCertifications({ product }: { product: Product }) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  return (
    <SectionCard title={t('products.sections.certifications')}>
      {product.certifications.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('products.certification.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.certification.kind')}</Table.Th>
                <Table.Th>{t('products.certification.number')}</Table.Th>
                <Table.Th>{t('products.certification.issuer')}</Table.Th>
                <Table.Th>{t('products.certification.expiresOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.certifications.map((c, i) => (
                <Table.Tr key={`${c.kind}-${c.number}-${i}`}>
                  <Table.Td>{labels.certificationKind(c.kind)}</Table.Td>
                  <Table.Td>{c.number}</Table.Td>
                  <Table.Td>{orDash(c.issuer)}</Table.Td>
                  <Table.Td>{formatDate(c.expiresOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

export function ProductIpTitles({ product }: { product: Product }) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  return (
    <SectionCard title={t('products.sections.ipTitles')}>
      {product.ipTitles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('products.ipTitle.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.ipTitle.kind')}</Table.Th>
                <Table.Th>{t('products.ipTitle.number')}</Table.Th>
                <Table.Th>{t('products.ipTitle.owner')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.ipTitles.map((title, i) => (
                <Table.Tr key={`${title.kind}-${title.number}-${i}`}>
                  <Table.Td>{labels.ipTitleKind(title.kind)}</Table.Td>
                  <Table.Td>{title.number}</Table.Td>
                  <Table.Td>{orDash(title.owner)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
