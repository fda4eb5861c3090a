import { useMantineTheme } from '@mantine/core';
import type { IndicatorBand } from '../../gql/graphql';
import { BAND_COLOURS } from './indicatorFormat';

export interface GaugeThresholds {
  averageFrom: number;
  goodFrom: number;
  excellentFrom: number;
}

const CX = 100;
const CY = 100;
const R = 80;

/** Where on the half circle a total out of 100 sits: 180° at 0 (left) to 0° at 100 (right). */
export function gaugeAngle(total: number): number {
  const clamped = Math.min(100, Math.max(0, total));
  return 180 - (clamped * 180) / 100;
}

function point(value: number, radius = R): [number, number] {
  const radians = (gaugeAngle(value) * Math.PI) / 180;
  return [CX + radius * Math.cos(radians), CY - radius * Math.sin(radians)];
}

function arc(from: number, to: number): string {
  const [x1, y1] = point(from);
  const [x2, y2] = point(to);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${R} ${R} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

export interface GaugeProps {
  total: number;
  band: IndicatorBand;
  thresholds: GaugeThresholds;
  /** The total as people read it (`82,5`). */
  totalLabel: string;
  /** Read out by screen readers: the total, out of 100, and the band. */
  ariaLabel: string;
}

/** A half-circle gauge: the bands of the rule set as coloured arcs and a needle at the total. */
export function Gauge({ total, band, thresholds, totalLabel, ariaLabel }: GaugeProps) {
  const theme = useMantineTheme();
  const colour = (b: IndicatorBand) => theme.colors[BAND_COLOURS[b]]?.[6] ?? BAND_COLOURS[b];
  const segments: [number, number, IndicatorBand][] = [
    [0, thresholds.averageFrom, 'WEAK'],
    [thresholds.averageFrom, thresholds.goodFrom, 'AVERAGE'],
    [thresholds.goodFrom, thresholds.excellentFrom, 'GOOD'],
    [thresholds.excellentFrom, 100, 'EXCELLENT'],
  ];
  const [nx, ny] = point(total, R - 18);
  return (
    <svg
      viewBox="0 0 200 135"
      width="100%"
      style={{ maxWidth: 280 }}
      role="img"
      aria-label={ariaLabel}
      data-testid="scorecard-gauge"
      data-value={total}
      data-band={band}
    >
      {segments
        .filter(([from, to]) => to > from)
        .map(([from, to, b]) => (
          <path key={b} d={arc(from, to)} fill="none" stroke={colour(b)} strokeWidth={14} opacity={b === band ? 1 : 0.35} />
        ))}
      <line
        x1={CX}
        y1={CY}
        x2={nx.toFixed(2)}
        y2={ny.toFixed(2)}
        stroke="currentColor"
        strokeWidth={3}
        strokeLinecap="round"
        data-testid="gauge-needle"
        data-angle={gaugeAngle(total)}
      />
      <circle cx={CX} cy={CY} r={5} fill="currentColor" />
      <text x={CX} y={CY + 28} textAnchor="middle" fontSize={22} fontWeight={700} fill={colour(band)} data-testid="gauge-total">
        {totalLabel}
      </text>
    </svg>
  );
}
