import { describe, expect, it } from 'vitest';
import { move, parseTechnologies } from './projectOrder';

describe('move', () => {
  it('moves an item up, down and to either end', () => {
    expect(move(['a', 'b', 'c', 'd'], 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(move(['a', 'b', 'c', 'd'], 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(move(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('clamps past the ends and leaves the input untouched', () => {
    const items = ['a', 'b', 'c'];
    expect(move(items, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(items, 2, 9)).toEqual(['a', 'b', 'c']);
    expect(move(items, 5, 0)).toEqual(['a', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c']);
  });
});

describe('parseTechnologies', () => {
  it('splits on commas, trims, drops blanks and repeats', () => {
    expect(parseTechnologies(' React, Node.js , ,SQL, react ')).toEqual(['React', 'Node.js', 'SQL']);
    expect(parseTechnologies('')).toEqual([]);
  });
});
