import { Anchor, Button, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { IDEA_PAGE_SIZE, useIdeas, type IdeaSummary } from '../api/ideas.js';
import { IdeaStatusBadge } from '../components/badges.js';
import { isIdeaStatus, useProgrammeLabels } from '../components/labels.js';
import { YearStatusCommuneFilters } from '../components/YearStatusCommuneFilters.js';
import { parseYear } from '../components/years.js';

const FILTERS = ['year', 'status', 'communeCode'] as const;

/** Who proposed the idea: the registered producer, else the proposer's name. */
const proposerOf = (idea: IdeaSummary) => idea.subjectName ?? idea.proposerName ?? '—';

function IdeaTable({ ideas }: { ideas: readonly IdeaSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table data-testid="idea-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.ideas.fields.receivedOn')}</Table.Th>
            <Table.Th>{t('programme.ideas.fields.title')}</Table.Th>
            <Table.Th>{t('programme.ideas.columns.proposer')}</Table.Th>
            <Table.Th>{t('programme.ideas.fields.communeCode')}</Table.Th>
            <Table.Th>{t('programme.ideas.fields.status')}</Table.Th>
            <Table.Th ta="right">{t('programme.ideas.columns.plans')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ideas.map((idea) => (
            <Table.Tr key={idea.id} className="clickable-row" onClick={() => void navigate(`/activities/ideas/${idea.id}`)}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(idea.receivedOn)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/activities/ideas/${idea.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {idea.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{proposerOf(idea)}</Table.Td>
              <Table.Td>{idea.communeName}</Table.Td>
              <Table.Td>
                <IdeaStatusBadge status={idea.status} />
              </Table.Td>
              <Table.Td ta="right">{formatNumber(idea.planCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function IdeaCards({ ideas }: { ideas: readonly IdeaSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {ideas.map((idea) => (
        <Card key={idea.id} withBorder padding="sm" component="article">
          <Anchor component={Link} to={`/activities/ideas/${idea.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {idea.title}
          </Anchor>
          <Text size="sm" c="dimmed" mt={2}>
            {proposerOf(idea)} · {idea.communeName}
          </Text>
          <Group gap="xs" mt={4}>
            <IdeaStatusBadge status={idea.status} />
            <Text size="xs" c="dimmed">
              {t('programme.ideas.receivedOnValue', { date: formatDate(idea.receivedOn) })} · {t('programme.ideas.planCount', { count: idea.planCount })}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** Ideas received by the communes, newest first, with their screening and business plans. */
export function IdeaListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useProgrammeLabels();
  const access = useActivityAccess();
  const list = useListParams(FILTERS);
  const filters = {
    q: list.q,
    year: parseYear(list.filters.year, new Date().getFullYear()),
    status: isIdeaStatus(list.filters.status) ? list.filters.status : null,
    communeCode: list.filters.communeCode,
  };
  const ideas = useIdeas({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('programme.ideas.title')}
        description={t('programme.ideas.intro')}
        actions={
          <>
            <ExportMenu path="/ideas" filters={filters} />
            {access.recordableCommunes.length > 0 && (
              <Button component={Link} to="/activities/ideas/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('programme.ideas.new')}
              </Button>
            )}
          </>
        }
      />
      <SectionCard>
        <YearStatusCommuneFilters
          list={list}
          filters={filters}
          search={{ label: t('programme.ideas.search'), placeholder: t('programme.ideas.searchPlaceholder') }}
          status={{ label: t('programme.ideas.fields.status'), options: labels.ideaStatusOptions }}
        />
        <QueryView
          query={ideas}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconBulb aria-hidden />} title={t('programme.ideas.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: ideas.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <IdeaCards ideas={data.items} /> : <IdeaTable ideas={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={IDEA_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
