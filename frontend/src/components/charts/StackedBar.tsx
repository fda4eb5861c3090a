import { Group, Stack, Text } from '@mantine/core';
import type { Bar } from './BarList';

/**
 * One SVG bar split into parts in proportion to their values (a unit's dossiers by outcome), with a
 * legend giving each part's figure and share. Parts of zero are left out of the bar, not the legend.
 */
export function StackedBar({
  parts,
  format,
  formatShare,
  label,
  testId,
}: {
  parts: readonly Bar[];
  format: (value: number) => string;
  /** A share of the whole (0–1) in words, e.g. `12,2%`. */
  formatShare: (share: number) => string;
  label: string;
  testId?: string;
}) {
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let offset = 0;
  return (
    <Stack gap={6} data-testid={testId}>
      <svg width="100%" height="20" viewBox="0 0 100 20" preserveAspectRatio="none" role="img" aria-label={label}>
        <rect x="0" y="0" width="100" height="20" fill="var(--mantine-color-gray-2)" />
        {total > 0 &&
          parts
            .filter((part) => part.value > 0)
            .map((part) => {
              const width = (part.value / total) * 100;
              const x = offset;
              offset += width;
              return (
                <rect key={part.key} x={x} y="0" width={width} height="20" fill={`var(--mantine-color-${part.color ?? 'blue'}-6)`}>
                  <title>{`${part.label}: ${format(part.value)}`}</title>
                </rect>
              );
            })}
      </svg>
      <Group gap="md" wrap="wrap">
        {parts.map((part) => (
          <Group key={part.key} gap={4} wrap="nowrap" data-testid={testId ? `${testId}-part` : undefined} data-key={part.key} data-value={part.value}>
            <span
              aria-hidden
              style={{ width: 10, height: 10, borderRadius: 2, display: 'inline-block', background: `var(--mantine-color-${part.color ?? 'blue'}-6)` }}
            />
            <Text fz="xs">
              {part.label}: <b>{format(part.value)}</b>
              {total > 0 && ` (${formatShare(part.value / total)})`}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
