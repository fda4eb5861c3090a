import { useApolloClient, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Badge, Button, Card, FileInput, Group, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql/gql';
import type { EvidenceKind, FindingEvidenceInput } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/AuthContext';
import { PlanSamplesQuery } from './PlanSamplesTab';

export const EvidenceDossierQuery = graphql(`
  query EvidenceDossier($code: String!) {
    dossier(code: $code) {
      id
      receiptCode
      procedure {
        id
        name
      }
      unit {
        id
        name
      }
    }
  }
`);

export const EvidenceProceduresQuery = graphql(`
  query EvidenceProcedures($text: String!) {
    procedures(filter: { text: $text }, first: 10) {
      nodes {
        id
        nationalCode
        name
      }
    }
  }
`);

/** Where evidence documents are uploaded (multipart field `file`). */
export const EVIDENCE_UPLOAD_URL = '/api/evidence-documents';
/** The server refuses larger files. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** One piece of evidence chosen in the form: what the mutation needs and what the inspector sees. */
export interface EvidenceDraft {
  input: FindingEvidenceInput;
  /** What it points at, in words: a receipt code, a procedure, a sample item, a file name. */
  label: string;
}

export const EVIDENCE_KINDS = ['DOSSIER', 'PROCEDURE', 'SAMPLE_ITEM', 'DOCUMENT'] as const satisfies readonly EvidenceKind[];

/** What the upload answers: the stored document (at least its id and name). */
interface UploadedDocument {
  id: string;
  fileName: string;
}

/** Sends a file to the evidence store with the bearer token; the answer is the stored EvidenceDocument as JSON. */
export async function uploadEvidenceDocument(file: File, token: string | undefined): Promise<UploadedDocument> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch(EVIDENCE_UPLOAD_URL, { method: 'POST', body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new UploadError(response.status);
  const document = (await response.json()) as Partial<UploadedDocument>;
  if (typeof document.id !== 'string') throw new UploadError(response.status);
  return { id: document.id, fileName: document.fileName ?? file.name };
}

export class UploadError extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`Upload failed with HTTP ${status}`);
    this.name = 'UploadError';
    this.status = status;
  }
}

export interface EvidencePickerProps {
  planNumber: string;
  value: readonly EvidenceDraft[];
  onChange: (next: EvidenceDraft[]) => void;
  /** A problem with the evidence as a whole (e.g. none given). */
  error?: string;
  /** Problems per piece, by position. */
  itemErrors?: Record<number, string>;
}

/**
 * Adds evidence to a finding: a dossier by its receipt code, a procedure found by code or name, an
 * item of one of the plan's samples, or an uploaded document; each with an optional note.
 */
export function EvidencePicker({ planNumber, value, onChange, error, itemErrors = {} }: EvidencePickerProps) {
  const { t } = useTranslation(['plans', 'common']);
  const [kind, setKind] = useState<EvidenceKind>('DOSSIER');
  const [note, setNote] = useState('');

  const add = (draft: EvidenceDraft) => {
    const trimmed = note.trim();
    const input = trimmed ? { ...draft.input, note: trimmed } : draft.input;
    if (value.some((existing) => sameTarget(existing.input, input))) return;
    onChange([...value, { ...draft, input }]);
    setNote('');
  };

  return (
    <Stack gap="xs" data-testid="evidence-picker">
      <Text fw={500} fz="sm">
        {t('evidence.title')}{' '}
        <Text span c="red">
          *
        </Text>
      </Text>
      <Text fz="xs" c="dimmed">
        {t('evidence.help')}
      </Text>
      {value.length > 0 && (
        <Stack gap={4} data-testid="evidence-list">
          {value.map((draft, index) => (
            <Card key={index} withBorder p="xs" data-testid="evidence-item">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0}>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" tt="none" size="sm">
                      {t(`evidence.kind.${draft.input.kind}`)}
                    </Badge>
                    <Text fz="sm">{draft.label}</Text>
                  </Group>
                  {draft.input.note && (
                    <Text fz="xs" c="dimmed">
                      {draft.input.note}
                    </Text>
                  )}
                  {itemErrors[index] && (
                    <Text fz="xs" c="red" data-testid="evidence-item-error">
                      {itemErrors[index]}
                    </Text>
                  )}
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('evidence.remove', { label: draft.label })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                  data-testid="evidence-remove"
                >
                  ×
                </ActionIcon>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Card withBorder p="sm" bg="var(--mantine-color-gray-0)">
        <Stack gap="xs">
          <SegmentedControl
            fullWidth
            size="xs"
            value={kind}
            onChange={(next) => setKind(next as EvidenceKind)}
            data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))}
            data-testid="evidence-kind"
          />
          <TextInput
            size="xs"
            label={t('evidence.note')}
            description={t('evidence.noteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-testid="evidence-note"
          />
          {kind === 'DOSSIER' && <DossierEvidence onAdd={add} />}
          {kind === 'PROCEDURE' && <ProcedureEvidence onAdd={add} />}
          {kind === 'SAMPLE_ITEM' && <SampleItemEvidence planNumber={planNumber} onAdd={add} />}
          {kind === 'DOCUMENT' && <DocumentEvidence onAdd={add} />}
        </Stack>
      </Card>
      {error && (
        <Text fz="sm" c="red" data-testid="evidence-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function sameTarget(a: FindingEvidenceInput, b: FindingEvidenceInput): boolean {
  return (
    a.kind === b.kind &&
    a.dossierId === b.dossierId &&
    a.procedureId === b.procedureId &&
    a.sampleId === b.sampleId &&
    a.sampleOrdinal === b.sampleOrdinal &&
    a.documentId === b.documentId
  );
}

function DossierEvidence({ onAdd }: { onAdd: (draft: EvidenceDraft) => void }) {
  const { t } = useTranslation('plans');
  const client = useApolloClient();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);

  const find = async () => {
    const wanted = code.trim().toUpperCase();
    if (!wanted) {
      setProblem(t('evidence.codeRequired'));
      return;
    }
    setProblem(undefined);
    setFailure(null);
    setSearching(true);
    try {
      const { data } = await client.query({ query: EvidenceDossierQuery, variables: { code: wanted }, fetchPolicy: 'network-only' });
      const dossier = data?.dossier;
      if (!dossier) {
        setProblem(t('evidence.dossierNotFound', { code: wanted }));
        return;
      }
      onAdd({ input: { kind: 'DOSSIER', dossierId: dossier.id }, label: `${dossier.receiptCode} · ${dossier.procedure.name}` });
      setCode('');
    } catch (error) {
      setFailure(error);
    } finally {
      setSearching(false);
    }
  };

  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t('evidence.dossierCode')}
          placeholder="NA-QUYHOP-230415-000123"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void find();
            }
          }}
          error={problem}
          data-testid="evidence-dossier-code"
        />
        <Button size="xs" variant="light" onClick={() => void find()} loading={searching} data-testid="evidence-dossier-add">
          {t('evidence.add')}
        </Button>
      </Group>
      {failure != null && <ErrorMessage error={failure} />}
    </Stack>
  );
}

function ProcedureEvidence({ onAdd }: { onAdd: (draft: EvidenceDraft) => void }) {
  const { t } = useTranslation('plans');
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const { data, loading, error } = useQuery(EvidenceProceduresQuery, { variables: { text: debounced }, skip: debounced.length < 2 });
  const found = debounced.length >= 2 ? (data?.procedures.nodes ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        label={t('evidence.procedureSearch')}
        description={t('evidence.procedureSearchHelp')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        data-testid="evidence-procedure-search"
      />
      {loading && (
        <Text fz="xs" c="dimmed">
          {t('evidence.searching')}
        </Text>
      )}
      {error && <ErrorMessage error={error} />}
      {!loading && debounced.length >= 2 && found.length === 0 && !error && (
        <Text fz="xs" c="dimmed">
          {t('evidence.noProcedure')}
        </Text>
      )}
      {found.map((procedure) => (
        <Button
          key={procedure.id}
          size="xs"
          variant="subtle"
          justify="flex-start"
          onClick={() => {
            onAdd({ input: { kind: 'PROCEDURE', procedureId: procedure.id }, label: `${procedure.nationalCode} · ${procedure.name}` });
            setText('');
          }}
          data-testid="evidence-procedure-option"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          h="auto"
          py={4}
        >
          {procedure.nationalCode} · {procedure.name}
        </Button>
      ))}
    </Stack>
  );
}

function SampleItemEvidence({ planNumber, onAdd }: { planNumber: string; onAdd: (draft: EvidenceDraft) => void }) {
  const { t } = useTranslation('plans');
  const { data, loading, error } = useQuery(PlanSamplesQuery, { variables: { number: planNumber } });
  const samples = data?.inspectionPlan?.samples ?? [];
  const [sampleId, setSampleId] = useState<string | null>(null);
  const [ordinal, setOrdinal] = useState<string | null>(null);
  const sample = samples.find((s) => s.id === sampleId);
  const item = sample?.items.find((i) => String(i.ordinal) === ordinal);

  if (loading && !data) return <Text fz="xs">{t('samples.loading')}</Text>;
  if (error && !data) return <ErrorMessage error={error} />;
  if (samples.length === 0) {
    return (
      <Alert color="gray" variant="light" p="xs">
        <Text fz="xs">{t('evidence.noSamples')}</Text>
      </Alert>
    );
  }
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        label={t('evidence.sample')}
        data={samples.map((s) => ({ value: s.id, label: s.name }))}
        value={sampleId}
        onChange={(next) => {
          setSampleId(next);
          setOrdinal(null);
        }}
        data-testid="evidence-sample"
      />
      <Select
        size="xs"
        label={t('evidence.sampleItem')}
        data={(sample?.items ?? []).map((i) => ({
          value: String(i.ordinal),
          label: `${i.ordinal}. ${i.dossier.receiptCode}${i.result ? ` · ${t(`examination.${i.result}`)}` : ''}`,
        }))}
        value={ordinal}
        onChange={setOrdinal}
        searchable
        disabled={!sample}
        data-testid="evidence-sample-item"
      />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          disabled={!sample || !item}
          onClick={() => {
            if (!sample || !item) return;
            onAdd({
              input: { kind: 'SAMPLE_ITEM', sampleId: sample.id, sampleOrdinal: item.ordinal },
              label: `${sample.name} #${item.ordinal} · ${item.dossier.receiptCode}`,
            });
            setOrdinal(null);
          }}
          data-testid="evidence-sample-add"
        >
          {t('evidence.add')}
        </Button>
      </Group>
    </Stack>
  );
}

function DocumentEvidence({ onAdd }: { onAdd: (draft: EvidenceDraft) => void }) {
  const { t } = useTranslation('plans');
  const { getToken } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);

  const upload = async () => {
    if (!file) {
      setProblem(t('evidence.fileRequired'));
      return;
    }
    if (file.size > MAX_EVIDENCE_BYTES) {
      setProblem(t('evidence.fileTooLarge'));
      return;
    }
    setProblem(undefined);
    setUploading(true);
    try {
      const document = await uploadEvidenceDocument(file, await getToken());
      onAdd({ input: { kind: 'DOCUMENT', documentId: document.id }, label: document.fileName });
      setFile(null);
    } catch (error) {
      setProblem(error instanceof UploadError && error.status === 413 ? t('evidence.fileTooLarge') : t('evidence.uploadFailed'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <FileInput
        size="xs"
        style={{ flex: 1 }}
        label={t('evidence.document')}
        description={t('evidence.documentHelp')}
        placeholder={t('evidence.chooseFile')}
        value={file}
        onChange={setFile}
        clearable
        error={problem}
        data-testid="evidence-document-file"
      />
      <Button size="xs" variant="light" onClick={() => void upload()} loading={uploading} data-testid="evidence-document-upload">
        {t('evidence.upload')}
      </Button>
    </Group>
  );
}
