import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useFieldArray, type Control, type FieldArray, type FieldArrayPath, type FieldValues } from 'react-hook-form';

/** The wording of one repeatable group; `item` and `remove` get the entry's 1-based number. */
export type FieldArrayLabels = { none: string; add: string; item: (number: number) => string; remove: (number: number) => string };

type FieldArrayEditorProps<T extends FieldValues, TOut, N extends FieldArrayPath<T>> = {
  control: Control<T, unknown, TOut>;
  name: N;
  labels: FieldArrayLabels;
  /** The values of an entry the add button appends. */
  blank: FieldArray<T, N>;
  /** The field of an entry that takes the focus once it is added (e.g. `number`). */
  focusField: string;
  /** The inputs of the entry at `index`. */
  children: (index: number) => ReactNode;
};

/** One removable entry of a repeatable group: a numbered fieldset, so its inputs are told apart. */
function EntryFieldset({ title, removeLabel, onRemove, children }: { title: string; removeLabel: string; onRemove: () => void; children: ReactNode }) {
  return (
    <Fieldset legend={title} variant="filled" radius="md">
      {children}
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
          {removeLabel}
        </Button>
      </Group>
    </Fieldset>
  );
}

/**
 * A repeatable group of a form (a product's certifications, its IP titles…): a line when there is
 * none, a numbered fieldset per entry with its remove button, and an add button that focuses the
 * new entry.
 */
export function FieldArrayEditor<T extends FieldValues, TOut, N extends FieldArrayPath<T>>({
  control,
  name,
  labels,
  blank,
  focusField,
  children,
}: FieldArrayEditorProps<T, TOut, N>) {
  const { fields, append, remove } = useFieldArray({ control, name });
  return (
    <Stack>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {labels.none}
        </Text>
      )}
      {fields.map((entry, index) => (
        <EntryFieldset key={entry.id} title={labels.item(index + 1)} removeLabel={labels.remove(index + 1)} onRemove={() => remove(index)}>
          {children(index)}
        </EntryFieldset>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        w="fit-content"
        onClick={() => append(blank, { focusName: `${name}.${fields.length}.${focusField}` })}
      >
        {labels.add}
      </Button>
    </Stack>
  );
}
