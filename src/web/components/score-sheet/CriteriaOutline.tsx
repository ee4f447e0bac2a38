import { Badge, Group, Paper, Stack, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../lib/format.js';
import type { CriteriaPart, Criterion, CriterionGroup, CriterionNode } from './criteria-tree.js';
import { RequirementNote } from './RequirementNote.js';

export type ScoreSlot = { kind: 'part' | 'group'; code: string; maxPoints: number };

type OutlineRenderers = {
  /** The card of one criterion; `order` is the heading level it should use. */
  renderCriterion: (criterion: Criterion, order: TitleOrder) => ReactNode;
  /** Beside a part or group heading; by default its maximum points. */
  renderScore?: (slot: ScoreSlot) => ReactNode;
};

type CriteriaOutlineProps = OutlineRenderers & { parts: readonly CriteriaPart[] };

const headingOrder = (depth: number): TitleOrder => Math.min(6, 3 + depth) as TitleOrder;

function MaxPoints({ points }: { points: number }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" radius="sm">
      {t('criteria.maxPoints', { points: formatPoints(points) })}
    </Badge>
  );
}

function NodeList({ nodes, depth, renderers }: { nodes: readonly CriterionNode[]; depth: number; renderers: OutlineRenderers }) {
  return (
    <Stack gap="sm">
      {nodes.map((node) =>
        node.kind === 'group' ? (
          <GroupSection key={node.code} group={node} depth={depth} renderers={renderers} />
        ) : (
          <div key={node.code}>{renderers.renderCriterion(node, headingOrder(depth))}</div>
        ),
      )}
    </Stack>
  );
}

function GroupSection({ group, depth, renderers }: { group: CriterionGroup; depth: number; renderers: OutlineRenderers }) {
  const score = renderers.renderScore?.({ kind: 'group', code: group.code, maxPoints: group.maxPoints }) ?? <MaxPoints points={group.maxPoints} />;
  return (
    <Stack component="section" gap="sm" mt={depth === 0 ? 'xs' : 0}>
      <Group justify="space-between" align="center" gap="xs" wrap="nowrap" className="criteria-group-heading">
        <Title order={headingOrder(depth)} fz={depth === 0 ? 'md' : 'sm'} fw={650} c="ocop.9" style={{ overflowWrap: 'anywhere' }}>
          {group.code}. {group.label}
        </Title>
        {score}
      </Group>
      <RequirementNote note={group.requirementNote} />
      <NodeList nodes={group.children} depth={depth + 1} renderers={renderers} />
    </Stack>
  );
}

/**
 * A criteria set as the decision prints it: parts (A, B, C), their groups (nested in some sets) and
 * the criteria, each drawn by the caller, so the readable sheet and the self-assessment share it.
 */
export function CriteriaOutline({ parts, ...renderers }: CriteriaOutlineProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      {parts.map((part) => (
        <Stack key={part.code} component="section" gap="sm" aria-labelledby={`part-${part.code}`}>
          <Paper px="md" py="sm" radius="md" bg="ocop.8" c="white" className="criteria-part-heading">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Title order={2} id={`part-${part.code}`} fz={{ base: 'sm', sm: 'md' }} fw={700} style={{ overflowWrap: 'anywhere' }}>
                {t('criteria.part', { code: part.code, label: part.label })}
              </Title>
              {renderers.renderScore?.({ kind: 'part', code: part.code, maxPoints: part.maxPoints }) ?? (
                <Badge color="white" c="ocop.9" variant="filled" radius="sm">
                  {t('criteria.maxPoints', { points: formatPoints(part.maxPoints) })}
                </Badge>
              )}
            </Group>
          </Paper>
          <NodeList nodes={part.items} depth={0} renderers={renderers} />
        </Stack>
      ))}
    </Stack>
  );
}
