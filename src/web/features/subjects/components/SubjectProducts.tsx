import { Anchor, Avatar, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useSubjectProducts } from '../api/subjects.js';

/** The subject's products with their OCOP codes, and a shortcut to register another. */
export function SubjectProducts({ subjectId, canRegister }: { subjectId: string; canRegister: boolean }) {
  const { t } = useTranslation();
  const products = useSubjectProducts(subjectId);
  if (products.isPending) return <PageLoader />;
  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;

  return (
    <Stack>
      {canRegister && (
        <Button component={Link} to={`/products/new?subjectId=${subjectId}`} leftSection={<IconPlus size={16} aria-hidden />} w="fit-content" variant="light">
          {t('subjects.registerProduct')}
        </Button>
      )}
      {products.data.items.length === 0 ? (
        <Text c="dimmed">{t('subjects.noProducts')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {products.data.items.map((product) => (
            <Group key={product.id} component="li" gap="sm" wrap="nowrap" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Avatar src={product.photos[0]?.thumbUrl ?? null} radius="sm" alt="" color="ocop">
                <IconPackage size={18} aria-hidden />
              </Avatar>
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Anchor component={Link} to={`/products/${product.id}`} fw={500}>
                  {product.name}
                </Anchor>
                <Text size="xs" c="dimmed" className="ocop-code">
                  {product.ocopCode}
                </Text>
              </Stack>
              {product.status === 'discontinued' && <Badge color="gray">{t('products.statuses.discontinued')}</Badge>}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
