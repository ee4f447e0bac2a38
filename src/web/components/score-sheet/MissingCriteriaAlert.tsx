import { Alert, Button, Group, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from './criteria-tree.js';
import { scrollToCriterion } from './scroll.js';

type MissingCriteriaAlertProps = { codes: readonly string[]; criteria: ReadonlyMap<string, Criterion> };

/** After a refused completion: the criteria still without a choice, each a shortcut to its card. */
export function MissingCriteriaAlert({ codes, criteria }: MissingCriteriaAlertProps) {
  const { t } = useTranslation();
  if (codes.length === 0) return null;
  return (
    <Alert
      color="red"
      icon={<IconListCheck aria-hidden />}
      title={t('selfAssessment.missing.title', { count: codes.length })}
      role="alert"
      data-testid="missing-criteria"
    >
      <Text size="sm">{t('selfAssessment.missing.text')}</Text>
      <Group gap={6} mt="xs">
        {codes.map((code) => {
          const label = criteria.get(code)?.label ?? '';
          return (
            <Button
              key={code}
              size="compact-xs"
              variant="white"
              color="red"
              title={label}
              aria-label={t('selfAssessment.missing.goTo', { code, label })}
              onClick={() => scrollToCriterion(code)}
            >
              {code}
            </Button>
          );
        })}
      </Group>
    </Alert>
  );
}
