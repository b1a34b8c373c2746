import { expect, test } from '@playwright/test';

interface Page_ {
  items: { title: string; stack: string; level: string; technologies: string[] }[];
  total: number;
}

test('the catalog filters by stack, level, technology and search, pages, and keeps it all in the URL', async ({ page, request }) => {
  const all = (await (await request.get('/v1/challenges', { params: { size: 100 } })).json()) as Page_;
  expect(all.total).toBeGreaterThan(0);
  const sample = all.items[0]!;
  const cards = page.getByTestId('challenge-card');
  // The list keeps the previous page on screen while the next loads: wait for the new count first.
  const expectCount = (n: number) => expect(page.getByText(new RegExp(`^${n} desafios?$`))).toBeVisible();

  await page.goto('/challenges');
  await expectCount(all.total);

  // Stack: only that stack's challenges, and the URL says so.
  await page.getByLabel('Área').selectOption(sample.stack);
  await expect(page).toHaveURL(new RegExp(`[?&]stack=${sample.stack}`));
  await expectCount(all.items.filter((c) => c.stack === sample.stack).length);
  for (const card of await cards.all()) await expect(card).toHaveAttribute('data-stack', sample.stack);

  // Level on top of stack.
  await page.getByLabel('Nível').selectOption(sample.level);
  await expect(page).toHaveURL(new RegExp(`level=${sample.level}`));
  await expectCount(all.items.filter((c) => c.stack === sample.stack && c.level === sample.level).length);
  for (const card of await cards.all()) {
    await expect(card).toHaveAttribute('data-stack', sample.stack);
    await expect(card).toHaveAttribute('data-level', sample.level);
  }

  // A reload keeps the filters: they live in the URL.
  await page.reload();
  await expect(page.getByLabel('Área')).toHaveValue(sample.stack);
  await expect(page.getByLabel('Nível')).toHaveValue(sample.level);

  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(page).toHaveURL(/\/challenges$/);
  await expectCount(all.total);

  // Technology.
  const technology = sample.technologies[0]!;
  await page.getByLabel('Tecnologia').fill(technology);
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page).toHaveURL(new RegExp(`technology=${encodeURIComponent(technology)}`));
  await expectCount(all.items.filter((c) => c.technologies.includes(technology)).length);
  await expect(cards.filter({ hasText: sample.title })).toHaveCount(1);
  for (const card of await cards.all()) await expect(card).toContainText(technology);
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expectCount(all.total);

  // Search.
  await page.getByLabel('Buscar').fill(sample.title);
  await page.getByLabel('Buscar').press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(cards.filter({ hasText: sample.title })).toHaveCount(1);

  // Nothing found: a friendly empty state.
  await page.getByLabel('Buscar').fill('zzzz-nada-casa-com-isto');
  await page.getByLabel('Buscar').press('Enter');
  await expect(page.getByText('Nenhum desafio encontrado')).toBeVisible();
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expectCount(all.total);

  // Paging (12 a page) when the catalog has more than one page.
  if (all.total > 12) {
    await page.getByRole('button', { name: 'Próxima' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByText(/^Página 2 de \d+$/)).toBeVisible();
    await expect(cards).toHaveCount(Math.min(12, all.total - 12));
    await page.getByRole('button', { name: 'Anterior' }).click();
    await expect(page).not.toHaveURL(/page=/);
    await expect(cards).toHaveCount(12);
  } else {
    await expect(page.getByRole('navigation', { name: 'Paginação' })).toHaveCount(0);
    await expect(cards).toHaveCount(all.total);
  }
});
