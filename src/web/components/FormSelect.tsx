import { Select, type SelectProps } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

type FormSelectProps<T extends FieldValues, TOut, N extends FieldPath<T>> = Omit<SelectProps, 'value' | 'onChange' | 'onBlur' | 'name'> & {
  control: Control<T, unknown, TOut>;
  name: N;
};

/** A Mantine Select bound to a react-hook-form field: the pairing every form repeated. */
export function FormSelect<T extends FieldValues, TOut, N extends FieldPath<T>>({ control, name, ...select }: FormSelectProps<T, TOut, N>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <Select {...select} value={field.value} onChange={(value) => field.onChange(value)} onBlur={field.onBlur} ref={field.ref} />}
    />
  );
}
