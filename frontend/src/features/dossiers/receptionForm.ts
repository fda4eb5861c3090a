import type { ApplicantKind, DossierChannel, DossierReceiveInput } from '../../gql/graphql';

export interface ReceptionValues {
  unitId?: string;
  procedureId?: string;
  applicantKind: ApplicantKind;
  applicantName: string;
  identityNumber: string;
  phone: string;
  address: string;
  channel: DossierChannel;
  onlinePayment: boolean;
  digitisedDossier: boolean;
  /** What the Decision 766 indicators count at receipt (see `RECEPTION_INDICATOR_FLAGS`). */
  syncedToNationalPortal: boolean;
  certifiedCopyRequested: boolean;
  certifiedCopyElectronic: boolean;
  reusedDigitisedData: boolean;
  usedPopulationData: boolean;
}

/** Facts recorded at receipt that the Decision 766 digitisation and publicity indicators count. */
export const RECEPTION_INDICATOR_FLAGS = [
  'syncedToNationalPortal',
  'certifiedCopyRequested',
  'certifiedCopyElectronic',
  'reusedDigitisedData',
  'usedPopulationData',
] as const;

export const EMPTY_RECEPTION: ReceptionValues = {
  applicantKind: 'PERSON',
  applicantName: '',
  identityNumber: '',
  phone: '',
  address: '',
  channel: 'DIRECT',
  onlinePayment: false,
  digitisedDossier: false,
  syncedToNationalPortal: false,
  certifiedCopyRequested: false,
  certifiedCopyElectronic: false,
  reusedDigitisedData: false,
  usedPopulationData: false,
};

/** Inputs of the form, by the names `UserError.field` paths use. */
export const RECEPTION_FIELDS = ['unitId', 'procedureId', 'applicantKind', 'applicantName', 'identityNumber', 'phone', 'address', 'channel'] as const;

/** The server's patterns (DossierWorkflow): a citizen identity number of 12 digits or an old card of 9; a tax code of 10 digits, optionally -NNN, or 13. */
const PERSON_ID = /^(\d{9}|\d{12})$/;
const TAX_CODE = /^(\d{10}(-\d{3})?|\d{13})$/;
const PHONE = /^\+?[0-9 .]{8,15}$/;
export const MAX_NAME_LENGTH = 200;
export const MAX_ADDRESS_LENGTH = 500;

/**
 * Checks before sending, the same as the server's, as translation keys (namespace `dossiers`) per
 * input: a procedure, a name, well-formed identity number and phone, and a receiving unit when the
 * caller has none of their own.
 */
export function validateReception(values: ReceptionValues, { needsUnit }: { needsUnit: boolean }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (needsUnit && !values.unitId) errors.unitId = 'reception.validation.unit';
  if (!values.procedureId) errors.procedureId = 'reception.validation.procedure';
  const name = values.applicantName.trim();
  if (!name) errors.applicantName = 'reception.validation.name';
  else if (name.length > MAX_NAME_LENGTH) errors.applicantName = 'reception.validation.nameTooLong';
  const id = values.identityNumber.trim();
  if (id) {
    if (values.applicantKind === 'PERSON' && !PERSON_ID.test(id)) errors.identityNumber = 'reception.validation.citizenId';
    if (values.applicantKind === 'ORGANISATION' && !TAX_CODE.test(id)) errors.identityNumber = 'reception.validation.taxCode';
  }
  const phone = values.phone.trim();
  if (phone && !PHONE.test(phone)) errors.phone = 'reception.validation.phone';
  if (values.address.trim().length > MAX_ADDRESS_LENGTH) errors.address = 'reception.validation.addressTooLong';
  return errors;
}

/** The mutation input: trimmed, empty optional inputs left out. */
export function receptionInput(values: ReceptionValues): DossierReceiveInput {
  const optional = (value: string) => {
    const trimmed = value.trim();
    return trimmed ? trimmed : undefined;
  };
  const input: DossierReceiveInput = {
    procedureId: values.procedureId ?? '',
    applicantKind: values.applicantKind,
    applicantName: values.applicantName.trim(),
    channel: values.channel,
    onlinePayment: values.onlinePayment,
    digitisedDossier: values.digitisedDossier,
  };
  if (values.unitId) input.unitId = values.unitId;
  // The server defaults each to false: only the ones the clerk ticked are sent.
  for (const flag of RECEPTION_INDICATOR_FLAGS) {
    if (values[flag]) input[flag] = true;
  }
  // An electronic copy only makes sense when a copy was asked for.
  if (!values.certifiedCopyRequested) delete input.certifiedCopyElectronic;
  const identityNumber = optional(values.identityNumber);
  if (identityNumber) input.identityNumber = identityNumber;
  const phone = optional(values.phone);
  if (phone) input.phone = phone;
  const address = optional(values.address);
  if (address) input.address = address;
  return input;
}
