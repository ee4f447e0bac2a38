import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSetAttendance, type Council, type Session } from '../api/councils.js';
import { useCouncilLabels } from './labels.js';

/** Who is at the meeting: the quorum (and whether the chair is there) is counted from it. */
export function AttendanceCard({ session, council, editable }: { session: Session; council: Council; editable: boolean }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const save = useSetAttendance(session.id);
  const [present, setPresent] = useState<string[]>(session.attendance);
  const changed = present.length !== session.attendance.length || present.some((id) => !session.attendance.includes(id));

  return (
    <SectionCard title={t('councils.attendance.title')} data-testid="attendance">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('councils.attendance.hint', { present: session.attendance.length, total: council.members.length })}
        </Text>
        <Checkbox.Group value={present} onChange={setPresent} readOnly={!editable} aria-label={t('councils.attendance.title')}>
          <Stack gap={6}>
            {council.members.map((member) => (
              <Checkbox key={member.id} value={member.id} disabled={!editable} label={`${member.fullName} — ${labels.position(member.position)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {editable && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={() => setPresent(council.members.map((m) => m.id))}>
              {t('councils.attendance.all')}
            </Button>
            <Button
              size="sm"
              disabled={!changed}
              loading={save.isPending}
              onClick={() =>
                save.mutate(present, { onSuccess: () => notifySuccess(t('councils.attendance.saved')), onError: (error) => reportMutationError(error) })
              }
            >
              {t('councils.attendance.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}
