import { Group, Loader, Text } from '@mantine/core';

/** Progress for anything that loads; the label is read out by screen readers and shown beside the spinner. */
export function Loading({ label }: { label: string }) {
  return (
    <Group role="status" aria-live="polite" gap="sm" py="md">
      <Loader size="sm" aria-hidden />
      <Text>{label}</Text>
    </Group>
  );
}
