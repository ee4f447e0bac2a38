import { Anchor, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatVnd } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { SupportGrant } from '../api/support.js';
import { GrantStatusBadge } from './badges.js';
import { useProgrammeLabels } from './labels.js';

type GrantResultsProps = {
  grants: readonly SupportGrant[];
  /** False on a policy's own page, where every grant is of that policy. */
  showPolicy: boolean;
  /** False on a producer's own page, where every grant is its own. */
  showSubject?: boolean;
  /** Links to the producers' and policies' pages, for those who open them (not a producer). */
  links?: boolean;
  /** Opens a grant for editing; without it the list is read-only. */
  onOpen?: ((grant: SupportGrant) => void) | undefined;
};

/** Grants as a table on a wide screen, as cards on a phone; a click opens one for editing when allowed. */
export function GrantResults({ grants, showPolicy, showSubject = true, links = true, onOpen }: GrantResultsProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const isPhone = useIsPhone();

  const subject = (grant: SupportGrant) =>
    links ? (
      <Anchor component={Link} to={`/subjects/${grant.subjectId}`} onClick={(event) => event.stopPropagation()} size="sm">
        {grant.subjectName}
      </Anchor>
    ) : (
      <Text size="sm">{grant.subjectName}</Text>
    );
  const policy = (grant: SupportGrant) =>
    links ? (
      <Anchor component={Link} to={`/activities/support/policies/${grant.policyId}`} onClick={(event) => event.stopPropagation()} size="xs">
        {grant.policyName}
      </Anchor>
    ) : (
      <Text size="xs" c="dimmed">
        {grant.policyName}
      </Text>
    );
  const content = (grant: SupportGrant) =>
    onOpen ? (
      <UnstyledButton
        onClick={(event) => {
          event.stopPropagation();
          onOpen(grant);
        }}
        fw={500}
        fz="sm"
        c="ocop.8"
        style={{ textAlign: 'start', overflowWrap: 'anywhere' }}
      >
        {grant.content}
      </UnstyledButton>
    ) : (
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {grant.content}
      </Text>
    );

  if (isPhone)
    return (
      <Stack gap="sm">
        {grants.map((grant) => (
          <Card key={grant.id} withBorder padding="sm" component="article" data-testid="grant">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              {content(grant)}
              <GrantStatusBadge status={grant.status} />
            </Group>
            <Text fw={700} mt={4}>
              {formatVnd(grant.amountVnd)}
            </Text>
            {showSubject && subject(grant)}
            {showPolicy && policy(grant)}
            <Text size="xs" c="dimmed">
              {formatDate(grant.grantedOn)} · {labels.source(grant.fundingSource)}
              {grant.productName ? ` · ${grant.productName}` : ''}
            </Text>
          </Card>
        ))}
      </Stack>
    );

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="grant-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.grants.fields.grantedOn')}</Table.Th>
            <Table.Th>{t('programme.grants.fields.content')}</Table.Th>
            {showSubject && <Table.Th>{t('programme.grants.fields.subjectId')}</Table.Th>}
            <Table.Th>{t('programme.grants.fields.fundingSource')}</Table.Th>
            <Table.Th>{t('programme.grants.fields.status')}</Table.Th>
            <Table.Th ta="right">{t('programme.grants.fields.amountVnd')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.map((grant) => (
            <Table.Tr key={grant.id} className={onOpen ? 'clickable-row' : undefined} onClick={onOpen ? () => onOpen(grant) : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDate(grant.grantedOn)}</Table.Td>
              <Table.Td miw={260} style={{ verticalAlign: 'top' }}>
                {content(grant)}
                {grant.productName && (
                  <Text size="xs" c="dimmed">
                    {grant.productName}
                  </Text>
                )}
                {showPolicy && <div>{policy(grant)}</div>}
              </Table.Td>
              {showSubject && (
                <Table.Td miw={160} style={{ verticalAlign: 'top' }}>
                  {subject(grant)}
                </Table.Td>
              )}
              <Table.Td style={{ verticalAlign: 'top' }}>{labels.source(grant.fundingSource)}</Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <GrantStatusBadge status={grant.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }} fw={600}>
                {formatVnd(grant.amountVnd)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
