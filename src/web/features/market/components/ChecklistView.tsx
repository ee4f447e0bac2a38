import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_GROUPS, ChecklistScore, checklistItems } from './ChecklistFields.js';
import { useMarketLabels } from './labels.js';

/** A point's checklist as read: each criterion met or not, by group, with the count met. */
export function ChecklistView({ checklist, met, total }: { checklist: Readonly<Record<string, boolean>>; met: number; total: number }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  return (
    <Stack>
      <Group>
        <ChecklistScore met={met} total={total} />
      </Group>
      {CHECKLIST_GROUPS.map((group) => (
        <Stack key={group} gap={6}>
          <Text fw={600} size="sm">
            {t(`market.salesPoints.checklist.groups.${group}`)}
          </Text>
          <List spacing={6} size="sm" center>
            {checklistItems(group).map((item) => {
              const isMet = checklist[item.code] === true;
              return (
                <List.Item
                  key={item.code}
                  icon={
                    <ThemeIcon size={20} radius="xl" color={isMet ? 'teal' : 'gray'} variant={isMet ? 'filled' : 'light'}>
                      {isMet ? <IconCheck size={12} aria-hidden /> : <IconMinus size={12} aria-hidden />}
                    </ThemeIcon>
                  }
                >
                  <Text size="sm" c={isMet ? undefined : 'dimmed'}>
                    {labels.checklistItem(item)}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({isMet ? t('market.salesPoints.checklist.met') : t('market.salesPoints.checklist.notMet')})
                    </Text>
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}
