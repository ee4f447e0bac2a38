import { ActionIcon, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isOcopOffice } from '../../../../domain/policies/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActor } from '../../../lib/session.js';
import { useCalendarYear } from '../api/calendar.js';
import { DaysOffList } from '../components/DaysOffList.js';
import { AddOverrideForm, OverrideList } from '../components/Overrides.js';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function YearSwitch({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('calendar.year')}>
      <ActionIcon variant="default" size="lg" aria-label={t('calendar.previousYear')} disabled={year <= MIN_YEAR} onClick={() => onChange(year - 1)}>
        <IconChevronLeft size={18} aria-hidden />
      </ActionIcon>
      <Text fw={700} w={56} ta="center" aria-live="polite" data-testid="calendar-year">
        {year}
      </Text>
      <ActionIcon variant="default" size="lg" aria-label={t('calendar.nextYear')} disabled={year >= MAX_YEAR} onClick={() => onChange(year + 1)}>
        <IconChevronRight size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/**
 * "Lịch làm việc": the year's days off the deadlines are counted on (holidays with Tết and Giỗ Tổ
 * from the lunar calendar, compensatory days) and the days moved by notice. The OCOP office adds and
 * removes moved days (the ministry the country's, a province its own); officers see the calendar.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : dayjs().year();
  const setYear = (next: number) => setParams(next === dayjs().year() ? {} : { year: String(next) }, { replace: true });
  const calendar = useCalendarYear(year);
  const isOffice = isOcopOffice(actor);

  return (
    <>
      <PageHeader title={t('calendar.title')} description={t('calendar.intro')} actions={<YearSwitch year={year} onChange={setYear} />} />
      <QueryView query={calendar}>
        {(data) => (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <SectionCard
                title={t('calendar.daysOff', { year })}
                action={<Badge variant="light">{t('calendar.daysOffCount', { count: data.daysOff.length })}</Badge>}
                data-testid="calendar-days-off"
              >
                <Stack gap="sm">
                  <Text size="xs" c="dimmed">
                    {t('calendar.daysOffHint')}
                  </Text>
                  <DaysOffList days={data.daysOff} />
                </Stack>
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SectionCard title={t('calendar.overrides')}>
                <Stack gap="md">
                  <Text size="xs" c="dimmed">
                    {t('calendar.overridesHint')}
                  </Text>
                  {data.overrides.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('calendar.noOverrides', { year })}
                    </Text>
                  ) : (
                    <OverrideList overrides={data.overrides} editableScope={isOffice ? actor.provinceCode : undefined} />
                  )}
                  {isOffice ? (
                    <AddOverrideForm onAdded={(date) => setYear(Number(date.slice(0, 4)))} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('calendar.readOnly')}
                    </Text>
                  )}
                </Stack>
              </SectionCard>
            </Grid.Col>
          </Grid>
        )}
      </QueryView>
    </>
  );
}
