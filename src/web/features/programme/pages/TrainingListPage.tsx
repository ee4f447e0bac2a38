import { Anchor, Button, Card, EmptyState, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFilterOff, IconPlus, IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatNumber, orDash } from '../../../lib/format.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { TRAINING_PAGE_SIZE, useTrainingCourses, type TrainingSummary } from '../api/training.js';
import { courseDates } from '../components/figures.js';
import { YearSelect } from '../components/YearSelect.js';
import { parseYear } from '../components/years.js';

const FILTERS = ['year'] as const;
const coursePath = (course: TrainingSummary) => `/activities/training/${course.id}`;

function CourseTable({ courses }: { courses: readonly TrainingSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="training-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.training.dates')}</Table.Th>
            <Table.Th>{t('programme.training.fields.topic')}</Table.Th>
            <Table.Th>{t('programme.training.fields.place')}</Table.Th>
            <Table.Th>{t('programme.training.fields.organiser')}</Table.Th>
            <Table.Th ta="right">{t('programme.training.fields.participants')}</Table.Th>
            <Table.Th ta="right">{t('programme.training.producers')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {courses.map((course) => (
            <Table.Tr key={course.id} className="clickable-row" onClick={() => void navigate(coursePath(course))}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{courseDates(course)}</Table.Td>
              <Table.Td maw={360}>
                <Anchor component={Link} to={coursePath(course)} fw={500} onClick={(event) => event.stopPropagation()}>
                  {course.topic}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {orDash(course.place)}
                {course.communeName && (
                  <Text size="xs" c="dimmed">
                    {course.communeName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{orDash(course.organiser)}</Table.Td>
              <Table.Td ta="right">{formatNumber(course.participants)}</Table.Td>
              <Table.Td ta="right">{formatNumber(course.producerCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CourseCards({ courses }: { courses: readonly TrainingSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {courses.map((course) => (
        <Card key={course.id} withBorder padding="sm" component="article">
          <Anchor component={Link} to={coursePath(course)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {course.topic}
          </Anchor>
          <Text size="xs" c="dimmed" mt={2}>
            {courseDates(course)}
            {course.place ? ` · ${course.place}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {t('programme.training.countsValue', { participants: formatNumber(course.participants), producers: formatNumber(course.producerCount) })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** Training courses held for the programme, newest first. */
export function TrainingListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const access = useActivityAccess();
  const list = useListParams(FILTERS);
  const filters = { q: list.q, year: parseYear(list.filters.year, new Date().getFullYear()), subjectId: null };
  const courses = useTrainingCourses({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('programme.training.title')}
        description={t('programme.training.intro')}
        actions={
          <>
            <ExportMenu path="/training" filters={{ q: filters.q, year: filters.year }} />
            {access.recordsSomewhere && (
              <Button component={Link} to="/activities/training/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('programme.training.new')}
              </Button>
            )}
          </>
        }
      />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <SearchInput label={t('programme.training.search')} value={list.q} onSearch={list.setQuery} />
          <YearSelect
            value={filters.year}
            onChange={(year) => list.setFilter('year', year === null ? null : String(year))}
            placeholder={t('common.all')}
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
          query={courses}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconSchool aria-hidden />} title={t('programme.training.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: courses.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <CourseCards courses={data.items} /> : <CourseTable courses={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={TRAINING_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
