import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { isLanguage, LANGUAGES, type Language } from '../../lib/i18n/i18n';
import { ConclusionDocument } from './ConclusionDocument';
import { conclusionData, PlanConclusionQuery } from './conclusionData';
import classes from './conclusion.module.css';
import { planTabPath, safeDecode } from './planVocabulary';

/** The conclusion as a print-ready A4 document in the language chosen on the page (`?lang=`), the UI's by default. */
export default function PlanConclusionPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const params = useParams();
  const number = safeDecode(params.number ?? '');
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('lang');
  const language: Language = isLanguage(requested) ? requested : isLanguage(i18n.language) ? i18n.language : 'vi';
  useDocumentTitle(t('conclusion.pageTitle', { number }));
  const { data, loading, error, refetch } = useQuery(PlanConclusionQuery, { variables: { number }, fetchPolicy: 'cache-and-network' });
  const plan = data?.inspectionPlan;

  if (loading && !data) return <Loading label={t('conclusion.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!plan) {
    return (
      <Alert color="yellow" data-testid="plan-not-found">
        {t('detail.notFound', { number })}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" className={classes.noPrint}>
        <Anchor component={Link} to={planTabPath(plan.number, 'conclusion')} fz="sm">
          ← {t('conclusion.back', { number: plan.number })}
        </Anchor>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('conclusion.documentLanguage')}
            value={language}
            onChange={(value) => setSearchParams(value === i18n.language ? {} : { lang: value }, { replace: true })}
            data={LANGUAGES.map((lng) => ({ value: lng, label: t(`conclusion.language.${lng}`) }))}
            data-testid="conclusion-language"
          />
          <Button onClick={() => window.print()} data-testid="conclusion-print">
            {t('conclusion.print')}
          </Button>
        </Group>
      </Group>
      {!plan.conclusion && (
        <Alert color="yellow" variant="light" className={classes.noPrint} data-testid="conclusion-draft-notice">
          {t('conclusion.draftNotice')}
        </Alert>
      )}
      <ConclusionDocument data={conclusionData(plan, plan.conclusionDraft?.summary ?? '')} language={language} />
    </Stack>
  );
}
