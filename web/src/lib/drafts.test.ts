import { describe, expect, it } from 'vitest';
import { loadDraft, saveDraft } from './drafts';

describe('drafts', () => {
  it('remembers code per challenge and language', () => {
    saveDraft('validar-cpf', 'python', 'print(1)', 'pass');
    saveDraft('validar-cpf', 'java', 'class A {}', 'class Solution {}');
    expect(loadDraft('validar-cpf', 'python')).toBe('print(1)');
    expect(loadDraft('validar-cpf', 'java')).toBe('class A {}');
    expect(loadDraft('formatar-cep', 'python')).toBeNull();
  });

  it('forgets a draft that is back to the starter code', () => {
    saveDraft('validar-cpf', 'python', 'print(1)', 'pass');
    saveDraft('validar-cpf', 'python', 'pass', 'pass');
    expect(loadDraft('validar-cpf', 'python')).toBeNull();
  });
});
