import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label → value table for an object's facts (a dossier, a procedure, an applicant). */
export function FactsTable({ facts, testId }: { facts: ReadonlyArray<readonly [string, ReactNode]>; testId?: string }) {
  return (
    <Table variant="vertical" layout="fixed" data-testid={testId}>
      <Table.Tbody>
        {facts.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="40%" scope="row">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
