import { useTranslation } from 'react-i18next';
import type { FindingCategory, FindingSeverity, PlanStatisticsFieldsFragment } from '../../gql/graphql';
import { formatDate, formatNumber, todayInVietnam } from '../../lib/format';
import type { Language } from '../../lib/i18n/i18n';
import classes from './conclusion.module.css';

/** The figure columns of the conclusion's table: what a reader of the document compares across units. */
export const CONCLUSION_COLUMNS = [
  'received',
  'carriedOver',
  'resolvedOnTime',
  'resolvedLate',
  'lateWithoutApology',
  'rejected',
  'withdrawn',
  'openWithinTime',
  'openOverdue',
] as const satisfies readonly (keyof PlanStatisticsFieldsFragment)[];

export interface ConclusionData {
  plan: {
    number: string;
    title: string;
    issuingAuthority: string;
    issueDate?: string | null;
    periodFrom?: string | null;
    periodTo?: string | null;
  };
  /** The lead's summary; empty in a draft whose summary is not written yet. */
  summary: string;
  /** Set once issued; a document without it is a draft. */
  issued?: { at: string; by: string } | null;
  statistics: readonly PlanStatisticsFieldsFragment[];
  totals?: PlanStatisticsFieldsFragment | null;
  findings: ReadonlyArray<{
    id: string;
    number: number;
    category: FindingCategory;
    severity: FindingSeverity;
    description: string;
    recommendation: string;
    remediationDeadline: string;
    unit: { name: string };
    responsibleOfficials: ReadonlyArray<{ fullName: string }>;
  }>;
}

/**
 * The inspection conclusion as a document in Vietnamese or English, whatever language the page is
 * shown in: header, summary, per-unit figures with totals, findings with recommendations and
 * deadlines. Marked as a draft until the lead issues it.
 */
export function ConclusionDocument({ data, language }: { data: ConclusionData; language: Language }) {
  const { t } = useTranslation('plans', { lng: language });
  const { plan, issued } = data;
  const date = (value?: string | null) => (value ? formatDate(value, language) : t('conclusion.doc.notSet'));
  const number = (value: number) => formatNumber(value, language);
  const findingsByUnit = new Map<string, ConclusionData['findings'][number][]>();
  for (const finding of [...data.findings].sort((a, b) => a.number - b.number)) {
    findingsByUnit.set(finding.unit.name, [...(findingsByUnit.get(finding.unit.name) ?? []), finding]);
  }

  return (
    <article className={classes.sheet} lang={language} data-testid="conclusion-document" data-draft={issued ? undefined : 'true'}>
      {!issued && (
        <div className={classes.draftMark} data-testid="conclusion-draft">
          {t('conclusion.doc.draft')}
        </div>
      )}
      <div className={classes.heading}>
        <div>
          <div style={{ fontWeight: 700, textTransform: 'uppercase' }}>{plan.issuingAuthority}</div>
          <div>{t('conclusion.doc.planNumber', { number: plan.number })}</div>
        </div>
        <div>
          <div style={{ fontWeight: 700 }}>{t('conclusion.doc.nation')}</div>
          <div style={{ fontWeight: 700 }}>{t('conclusion.doc.motto')}</div>
          <div style={{ fontStyle: 'italic' }}>
            {issued ? t('conclusion.doc.issuedOn', { date: formatDate(todayInVietnam(new Date(issued.at)), language) }) : t('conclusion.doc.notIssued')}
          </div>
        </div>
      </div>

      <div className={classes.title}>{t('conclusion.doc.title')}</div>
      <div className={classes.subtitle} data-testid="conclusion-subject">
        {plan.title}
        <br />
        {t('conclusion.doc.period', { from: date(plan.periodFrom), to: date(plan.periodTo) })}
        {plan.issueDate && (
          <>
            <br />
            {t('conclusion.doc.basis', { number: plan.number, date: date(plan.issueDate) })}
          </>
        )}
      </div>

      <div className={classes.section}>{t('conclusion.doc.summaryHeading')}</div>
      <div style={{ whiteSpace: 'pre-wrap' }} data-testid="conclusion-summary">
        {data.summary.trim() || <em>{t('conclusion.doc.summaryPending')}</em>}
      </div>

      <div className={classes.section}>{t('conclusion.doc.figuresHeading')}</div>
      {data.statistics.length === 0 ? (
        <p>{t('conclusion.doc.noFigures')}</p>
      ) : (
        <table className={classes.figures} data-testid="conclusion-figures">
          <thead>
            <tr>
              <th>{t('conclusion.doc.unit')}</th>
              {CONCLUSION_COLUMNS.map((column) => (
                <th key={column}>{t(`conclusion.doc.columns.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.statistics.map((row, index) => (
              <tr key={row.unit?.id ?? index} data-testid="conclusion-figures-row">
                <th scope="row">{row.unit?.name}</th>
                {CONCLUSION_COLUMNS.map((column) => (
                  <td key={column}>{number(row[column])}</td>
                ))}
              </tr>
            ))}
          </tbody>
          {data.totals && (
            <tfoot>
              <tr data-testid="conclusion-totals">
                <th scope="row">{t('conclusion.doc.total')}</th>
                {CONCLUSION_COLUMNS.map((column) => (
                  <td key={column}>{number(data.totals![column])}</td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      )}

      <div className={classes.section}>{t('conclusion.doc.findingsHeading')}</div>
      {data.findings.length === 0 ? (
        <p data-testid="conclusion-no-findings">{t('conclusion.doc.noFindings')}</p>
      ) : (
        [...findingsByUnit.entries()].map(([unit, findings]) => (
          <section key={unit}>
            <div style={{ fontWeight: 700, marginTop: '3mm' }}>{unit}</div>
            {findings.map((finding) => (
              <div key={finding.id} className={classes.finding} data-testid="conclusion-finding">
                <div>
                  <strong>{t('conclusion.doc.finding', { number: finding.number })}</strong> {t(`findingCategory.${finding.category}`)} (
                  {t(`severity.${finding.severity}`)}). {finding.description}
                  {finding.responsibleOfficials.length > 0 &&
                    ` ${t('conclusion.doc.responsible', { names: finding.responsibleOfficials.map((o) => o.fullName).join(', ') })}`}
                </div>
                <div>
                  <em>{t('conclusion.doc.recommendation')}</em> {finding.recommendation}{' '}
                  <span data-testid="conclusion-deadline">{t('conclusion.doc.deadline', { date: date(finding.remediationDeadline) })}</span>
                </div>
              </div>
            ))}
          </section>
        ))
      )}

      <div className={classes.signature}>
        <div style={{ fontWeight: 700, textTransform: 'uppercase' }}>{t('conclusion.doc.signatureRole')}</div>
        <div style={{ height: '22mm' }} />
        <div style={{ fontWeight: 700 }}>{issued?.by ?? ''}</div>
      </div>
    </article>
  );
}
