import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { accountReach } from '../../../../domain/policies/index.js';
import { useCommuneNames } from '../../../lib/reference.js';
import type { User } from '../api/users.js';
import { ROLE_COLOR, useRoleLabels } from './labels.js';

/** What the account may see: its communes, its subject, or the whole province/country. */
function useScopeText() {
  const { t } = useTranslation();
  const communeNames = useCommuneNames();
  return (account: User): string => {
    switch (accountReach(account.role)) {
      case 'area':
        return account.provinceCode ? t('users.scopeProvince') : t('users.scopeCountry');
      case 'communes':
        return account.communeCodes.length ? account.communeCodes.map((code) => communeNames.get(code) ?? code).join(', ') : t('users.noScope');
      case 'subject':
        return account.subjectName ?? t('users.noScope');
      case 'seats':
        return '—';
    }
  };
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Badge color={active ? 'teal' : 'gray'}>{active ? t('users.active') : t('users.inactive')}</Badge>;
}

export function UserTable({ users }: { users: readonly User[] }) {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  const scopeText = useScopeText();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.fullName')}</Table.Th>
            <Table.Th>{t('users.columns.email')}</Table.Th>
            <Table.Th>{t('users.columns.role')}</Table.Th>
            <Table.Th>{t('users.columns.scope')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((account) => (
            <Table.Tr key={account.id} className="clickable-row" onClick={() => void navigate(`/users/${account.id}`)}>
              <Table.Td>
                <Anchor component={Link} to={`/users/${account.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {account.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>{account.email}</Table.Td>
              <Table.Td>
                <Badge color={ROLE_COLOR[account.role]} variant="light">
                  {roles.role(account.role)}
                </Badge>
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="sm" lineClamp={2}>
                  {scopeText(account)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActiveBadge active={account.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UserCards({ users }: { users: readonly User[] }) {
  const roles = useRoleLabels();
  const scopeText = useScopeText();
  return (
    <Stack gap="sm">
      {users.map((account) => (
        <Card key={account.id} withBorder padding="md" component="article">
          <Anchor component={Link} to={`/users/${account.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {account.fullName}
          </Anchor>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {account.email}
          </Text>
          <Group gap="xs" mt="xs">
            <Badge color={ROLE_COLOR[account.role]}>{roles.role(account.role)}</Badge>
            <ActiveBadge active={account.active} />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {scopeText(account)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
