import { useMantineTheme } from '@mantine/core';
import type { IndicatorBand } from '../../gql/graphql';
import { BAND_COLOURS } from './indicatorFormat';
import type { GaugeThresholds } from './Gauge';

export interface TrendPoint {
  /** Month label on the axis (`03/2025`). */
  label: string;
  total: number;
  band: IndicatorBand;
  /** Read out and shown on hover: month, total and band in words. */
  description: string;
}

export interface TrendSeries {
  name: string;
  points: readonly TrendPoint[];
}

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 34;
const RIGHT = 30;
const TOP = 12;
const BOTTOM = 40;

const SERIES_COLOURS = ['blue', 'grape', 'cyan', 'lime', 'pink', 'yellow'];

/** y of a total out of 100. */
export function trendY(total: number): number {
  return TOP + ((100 - Math.min(100, Math.max(0, total))) * (HEIGHT - TOP - BOTTOM)) / 100;
}

/** x of the i-th of n months. */
export function trendX(index: number, count: number): number {
  const span = WIDTH - LEFT - RIGHT;
  return count <= 1 ? LEFT + span / 2 : LEFT + (index * span) / (count - 1);
}

/** Monthly totals as lines over a 0–100 scale with the band thresholds dashed. */
export function TrendChart({ series, thresholds, ariaLabel }: { series: readonly TrendSeries[]; thresholds: GaugeThresholds; ariaLabel: string }) {
  const theme = useMantineTheme();
  const count = Math.max(0, ...series.map((s) => s.points.length));
  const labels = series.find((s) => s.points.length === count)?.points.map((p) => p.label) ?? [];
  const every = Math.max(1, Math.ceil(count / 12));
  const lines: [number, IndicatorBand][] = [
    [thresholds.excellentFrom, 'EXCELLENT'],
    [thresholds.goodFrom, 'GOOD'],
    [thresholds.averageFrom, 'AVERAGE'],
  ];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={ariaLabel} data-testid="trend-chart" style={{ maxWidth: 900 }}>
      {[0, 25, 50, 75, 100].map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={trendY(v)} y2={trendY(v)} stroke={theme.colors.gray[3]} strokeWidth={0.5} />
          <text x={LEFT - 6} y={trendY(v) + 4} textAnchor="end" fontSize={10} fill={theme.colors.gray[7]}>
            {v}
          </text>
        </g>
      ))}
      {lines.map(([v, band]) => (
        <line
          key={band}
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={trendY(v)}
          y2={trendY(v)}
          stroke={theme.colors[BAND_COLOURS[band]]?.[5]}
          strokeDasharray="4 4"
          strokeWidth={1}
        />
      ))}
      {labels.map((label, i) =>
        i % every === 0 || i === count - 1 ? (
          <text key={label} x={trendX(i, count)} y={HEIGHT - BOTTOM + 16} textAnchor="middle" fontSize={10} fill={theme.colors.gray[7]}>
            {label}
          </text>
        ) : null,
      )}
      {series.map((s, index) => {
        const colour = theme.colors[SERIES_COLOURS[index % SERIES_COLOURS.length]!]?.[7];
        return (
          <g key={s.name} data-testid="trend-series" data-name={s.name}>
            <polyline
              fill="none"
              stroke={colour}
              strokeWidth={2}
              points={s.points.map((p, i) => `${trendX(i, count).toFixed(1)},${trendY(p.total).toFixed(1)}`).join(' ')}
            />
            {s.points.map((p, i) => (
              <circle key={p.label} cx={trendX(i, count)} cy={trendY(p.total)} r={3.5} fill={colour} data-testid="trend-point" data-total={p.total}>
                <title>{`${s.name} · ${p.description}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
