import { Group, Stack, Text } from '@mantine/core';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A Mantine colour name, e.g. `teal`. */
  color?: string;
}

/**
 * Horizontal bars drawn with plain elements: each row a label, a bar proportional to the largest
 * value and the figure. Light enough for a phone, readable by screen readers as a list of figures.
 */
export function BarList({ bars, format, label, testId }: { bars: readonly Bar[]; format: (value: number) => string; label: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <Stack gap={6} role="list" aria-label={label} data-testid={testId}>
      {bars.map((bar) => (
        <div key={bar.key} role="listitem" data-testid={testId ? `${testId}-bar` : undefined} data-key={bar.key} data-value={bar.value}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text fz="sm" truncate="end">
              {bar.label}
            </Text>
            <Text fz="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format(bar.value)}
            </Text>
          </Group>
          <div style={{ height: 8, borderRadius: 4, background: 'var(--mantine-color-gray-2)' }} aria-hidden>
            <div
              style={{
                width: `${(bar.value / max) * 100}%`,
                height: '100%',
                borderRadius: 4,
                background: `var(--mantine-color-${bar.color ?? 'blue'}-6)`,
              }}
            />
          </div>
        </div>
      ))}
    </Stack>
  );
}
