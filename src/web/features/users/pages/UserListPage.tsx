import { Button, EmptyState, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { USER_PAGE_SIZE, useUsers, type UserListParams } from '../api/users.js';
import { isRole, useRoleLabels } from '../components/labels.js';
import { UserCards, UserTable } from '../components/UserResults.js';

const USER_FILTERS = ['role', 'active'] as const;

export function UserListPage() {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  const isPhone = useIsPhone();
  const list = useListParams(USER_FILTERS);
  const { role, active } = list.filters;
  const filters: Omit<UserListParams, 'page'> = {
    q: list.q,
    role: isRole(role) ? role : null,
    active: active === 'true' || active === 'false' ? active : null,
  };
  const users = useUsers({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <>
            <ExportMenu path="/users" filters={filters} />
            <Button component={Link} to="/users/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
              {t('users.new')}
            </Button>
          </>
        }
      />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <SearchInput label={t('users.searchLabel')} placeholder={t('users.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
          <Select
            label={t('users.fields.role')}
            placeholder={t('common.all')}
            data={roles.roleOptions}
            value={role}
            onChange={(value) => list.setFilter('role', value)}
            clearable
          />
          <Select
            label={t('users.activeFilter')}
            placeholder={t('common.all')}
            data={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            value={active}
            onChange={(value) => list.setFilter('active', value)}
            clearable
          />
          {list.hasFilters && (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={list.clear}
              style={{ justifySelf: 'start', alignSelf: 'end' }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </SimpleGrid>
        <QueryView
          query={users}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconUsers aria-hidden />} title={t('users.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <UserCards users={data.items} /> : <UserTable users={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={USER_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
