import { describe, expect, it } from 'vitest';
import { fieldName, mapUserErrors } from './userErrors';

describe('fieldName', () => {
  it('drops the leading "input" of a path', () => {
    expect(fieldName(['input', 'reason'])).toBe('reason');
    expect(fieldName(['input', 'applicant', 'name'])).toBe('applicant.name');
    expect(fieldName(['reason'])).toBe('reason');
  });

  it('names no field for the input as a whole', () => {
    expect(fieldName(null)).toBeNull();
    expect(fieldName([])).toBeNull();
    expect(fieldName(['input'])).toBeNull();
  });
});

describe('mapUserErrors', () => {
  it('puts an error next to the field it names and the rest above the form', () => {
    const errors = mapUserErrors(
      [
        { field: ['input', 'reason'], code: 'REQUIRED', message: 'reason is required' },
        { field: ['input', 'version'], code: 'INVALID', message: 'bad version' },
        { field: null, code: 'TRANSITION_NOT_ALLOWED', message: 'not now' },
      ],
      ['reason', 'newAppointmentDate'],
    );
    expect(errors.fields).toEqual({ reason: 'reason is required' });
    expect(errors.form).toEqual(['bad version', 'not now']);
    expect(errors.concurrentModification).toBe(false);
  });

  it('flags a concurrent modification instead of showing it as a field error', () => {
    const errors = mapUserErrors([{ field: ['input', 'version'], code: 'CONCURRENT_MODIFICATION', message: 'changed' }], ['reason']);
    expect(errors.concurrentModification).toBe(true);
    expect(errors.form).toEqual([]);
    expect(errors.fields).toEqual({});
  });

  it('uses the given wording and keeps two errors on one field', () => {
    const errors = mapUserErrors(
      [
        { field: ['input', 'reason'], code: 'REQUIRED', message: 'x' },
        { field: ['input', 'reason'], code: 'TOO_LONG', message: 'Too long.' },
      ],
      ['reason'],
      (error) => (error.code === 'REQUIRED' ? 'Bắt buộc.' : error.message),
    );
    expect(errors.fields.reason).toBe('Bắt buộc. Too long.');
  });
});
