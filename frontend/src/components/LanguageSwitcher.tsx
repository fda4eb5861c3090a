import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage } from '../lib/i18n/i18n';
import { LANGUAGE_NAMES } from '../lib/i18n/language';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common');
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language"
      size="xs"
      value={current}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))}
    />
  );
}
