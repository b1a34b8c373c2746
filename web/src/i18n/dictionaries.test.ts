import { describe, expect, it } from 'vitest';
import { ptBR } from './pt-BR';
import { en } from './en';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of leaves(child, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const pt = leaves(ptBR);
  const english = leaves(en);

  it('have the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...pt.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of pt) expect(placeholders(english.get(key)!), key).toEqual(placeholders(text));
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...pt, ...english]) expect(text.trim(), key).not.toBe('');
  });
});
