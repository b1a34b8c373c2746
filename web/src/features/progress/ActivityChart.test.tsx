import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ActivityChart } from './ActivityChart';

describe('ActivityChart', () => {
  it('draws one square per day and describes the totals for screen readers', () => {
    const days = Array.from({ length: 90 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 7, 28 + i)).toISOString().slice(0, 10);
      return { date, submissions: i % 10 === 0 ? 3 : 0, passes: i % 10 === 0 ? 1 : 0 };
    });
    const { container } = render(<ActivityChart days={days} />);
    expect(container.querySelectorAll('rect')).toHaveLength(90);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Atividade: 27 submissões e 9 aprovações em 90 dias');
  });

  it('renders nothing without data', () => {
    const { container } = render(<ActivityChart days={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
