import { Button, EmptyState } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { PRODUCT_PAGE_SIZE, useProducts } from '../api/products.js';
import { isProductStatus } from '../components/labels.js';
import { PRODUCT_FILTERS, ProductFilters } from '../components/ProductFilters.js';
import { ProductCards, ProductTable } from '../components/ProductResults.js';

const setNumber = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 26 ? n : null;
};

export function ProductListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const list = useListParams(PRODUCT_FILTERS);
  const { criteriaSetNumber, communeCode, status, star } = list.filters;
  const filters = {
    q: list.q,
    criteriaSetNumber: setNumber(criteriaSetNumber),
    communeCode,
    status: isProductStatus(status) ? status : null,
    star: star === '3' || star === '4' || star === '5' ? Number(star) : null,
  };
  const products = useProducts({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('products.title')}
        actions={
          <>
            <ExportMenu path="/products" filters={filters} />
            <Button component={Link} to="/products/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('products.new')}
            </Button>
          </>
        }
      />
      <SectionCard>
        <ProductFilters list={list} />
        <QueryView
          query={products}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconPackage aria-hidden />} title={t('products.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: products.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <ProductCards products={data.items} /> : <ProductTable products={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={PRODUCT_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
