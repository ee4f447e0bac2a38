import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayUseArea } from '../../../../domain/policies/index.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatNumber, formatVnd } from '../../../lib/format.js';
import { useActor } from '../../../lib/session.js';
import { useGrants } from '../api/support.js';
import { useTrainingCourses } from '../api/training.js';
import { courseDates } from './figures.js';
import { GrantResults } from './GrantResults.js';

/** A producer's support and training come in tens at most: one page shows them all. */
const SUBJECT_PAGE_SIZE = 100;

/** Shown when a producer has more than one page holds. */
function MoreNote({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('programme.subject.more', { shown: formatNumber(shown), total: formatNumber(total) })}
    </Text>
  );
}

/**
 * "Hỗ trợ đã nhận": the grants a producer received under the programme's policies, with their total.
 * Read-only here; the office records grants on the policies' pages, which it alone is linked to.
 */
export function SubjectGrants({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const links = mayUseArea(useActor(), 'programme');
  const grants = useGrants({ q: '', page: 1, year: null, policyId: null, subjectId, status: null }, SUBJECT_PAGE_SIZE);
  return (
    <SectionCard title={t('programme.subject.grants')} data-testid="subject-grants">
      <QueryView
        query={grants}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            {t('programme.subject.noGrants')}
          </Text>
        }
      >
        {(data) => (
          <Stack>
            <GrantResults grants={data.items} showPolicy showSubject={false} links={links} />
            <MoreNote shown={data.items.length} total={data.total} />
            <Text fw={700} ta="right">
              {t('programme.grants.total', { amount: formatVnd(data.totalVnd) })}
            </Text>
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}

/** "Tập huấn đã tham gia": the courses a producer sent people to. */
export function SubjectTrainings({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const links = mayUseArea(useActor(), 'programme');
  const courses = useTrainingCourses({ q: '', page: 1, year: null, subjectId }, SUBJECT_PAGE_SIZE);
  return (
    <SectionCard title={t('programme.subject.trainings')} data-testid="subject-trainings">
      <QueryView
        query={courses}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            {t('programme.subject.noTrainings')}
          </Text>
        }
      >
        {(data) => (
          <Stack>
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {data.items.map((course) => (
                <Stack key={course.id} component="li" gap={2} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  {links ? (
                    <Anchor component={Link} to={`/activities/training/${course.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {course.topic}
                    </Anchor>
                  ) : (
                    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {course.topic}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {[courseDates(course), course.place, course.organiser].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
              ))}
            </Stack>
            <MoreNote shown={data.items.length} total={data.total} />
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}
