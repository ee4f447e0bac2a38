import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type SearchInputProps = {
  label: string;
  placeholder?: string;
  /** The applied search (from the URL). */
  value: string;
  /** Called 300 ms after the user stops typing. */
  onSearch: (value: string) => void;
};

export function SearchInput({ label, placeholder, value, onSearch }: SearchInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const debouncedSearch = useDebouncedCallback(onSearch, 300);

  // Follow outside changes (filters cleared, back button).
  useEffect(() => setText(value), [value]);

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        text ? (
          <CloseButton
            aria-label={t('common.clearFilters')}
            size="sm"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
      onChange={(event) => {
        setText(event.currentTarget.value);
        debouncedSearch(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSearch(text);
      }}
    />
  );
}
