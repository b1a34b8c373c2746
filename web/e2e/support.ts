import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

const SOLUTION_FILES: Record<string, string> = {
  python: 'solution.py',
  java: 'Solution.java',
  csharp: 'Solution.cs',
  javascript: 'solution.js',
  typescript: 'solution.ts',
  go: 'solution.go',
};

export interface CatalogChallenge {
  id: string;
  slug: string;
  title: string;
  stack: string;
  level: string;
  xpReward: number;
  languages: string[];
}

export function solutionPath(slug: string, language: string): string {
  return path.join(repoRoot, 'content', 'challenges', slug, 'solution', SOLUTION_FILES[language]!);
}

/** The reference solution from the content files on disk: the API never reveals it, by design. */
export function readSolution(slug: string, language: string): string {
  return readFileSync(solutionPath(slug, language), 'utf8');
}

/** The first published beginner challenge offering all the given languages, with reference solutions on disk. */
export async function pickChallenge(request: APIRequestContext, languages: string[]): Promise<CatalogChallenge> {
  return (await pickChallenges(request, languages, 1))[0]!;
}

/** The first `count` published beginner challenges offering all the given languages, with reference solutions on disk. */
export async function pickChallenges(request: APIRequestContext, languages: string[], count: number): Promise<CatalogChallenge[]> {
  const response = await request.get('/v1/challenges', { params: { level: 'beginner', size: 100, sort: 'oldest' } });
  expect(response.ok()).toBeTruthy();
  const page = (await response.json()) as { items: CatalogChallenge[] };
  const found = page.items.filter(
    (c) => languages.every((l) => c.languages.includes(l)) && languages.every((l) => existsSync(solutionPath(c.slug, l))),
  );
  if (found.length < count) throw new Error(`Fewer than ${count} beginner challenges with ${languages.join(', ')} and reference solutions on disk`);
  return found.slice(0, count);
}

let counter = 0;

export function newUser() {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1000)}`;
  return { username: `e2e_${id}`.slice(0, 30), email: `e2e_${id}@example.com`, password: 'Compila-e2e-2026!', fullName: 'Pessoa Teste' };
}

/** Signs a new user up through the form, as a learner would. */
export async function signUp(page: Page, user = newUser()) {
  await page.goto('/signup');
  await page.getByLabel('Nome completo (opcional)').fill(user.fullName);
  await page.getByLabel('Nome de usuário').fill(user.username);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Senha').fill(user.password);
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await expect(page).toHaveURL(/\/challenges$/);
  return user;
}

/**
 * Replaces the code in the Monaco editor the way a learner pastes it: select all, then a paste event
 * carrying the text (typing it would trigger auto-indentation on every new line).
 */
export async function setEditorCode(page: Page, slug: string, language: string, code: string) {
  const editor = page.getByTestId('code-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await editor.locator('textarea').evaluate((textarea, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  // The page keeps the learner's draft in localStorage: it must now hold exactly the pasted code.
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), `compila.draft:${slug}:${language}`))
    .toBe(code);
}

/** Opens a challenge, pastes the code in the editor and submits it; resolves with the judged status. */
export async function submitCode(page: Page, challenge: CatalogChallenge, language: string, code: string): Promise<string> {
  await page.goto(`/challenges/${challenge.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: challenge.title })).toBeVisible();
  await page.getByLabel('Linguagem').selectOption(language);
  await setEditorCode(page, challenge.slug, language, code);
  await page.getByRole('button', { name: 'Enviar solução' }).click();
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-status', /^(passed|failed|partial)$/, { timeout: 120_000 });
  return (await outcome.getAttribute('data-status'))!;
}

export async function editorText(page: Page): Promise<string> {
  return page.getByTestId('code-editor').locator('.view-lines').innerText();
}

/** A first attempt that cannot pass: the starter code (it returns nothing useful) with a note, as a learner's draft. */
export function wrongAttempt(starter: string, language: string): string {
  const comment = language === 'python' ? '# primeira tentativa' : '// primeira tentativa';
  return `${starter.trimEnd()}\n${comment}\n`;
}

export async function starterCode(request: APIRequestContext, slug: string, language: string): Promise<string> {
  const response = await request.get(`/v1/challenges/${slug}`);
  expect(response.ok()).toBeTruthy();
  const detail = (await response.json()) as { starterCode: Record<string, { content: string }[]> };
  return detail.starterCode[language]!.map((f) => f.content).join('\n');
}

/** Fails when the page scrolls sideways: the layout must fit the viewport (360 px phones included). */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'page is wider than the viewport').toBeLessThanOrEqual(innerWidth);
}

export async function currentXp(page: Page): Promise<number> {
  const summary = page.getByTestId('progress-summary').first();
  await expect(summary).toBeVisible();
  return Number(await summary.getAttribute('data-xp'));
}

export async function levelProgress(page: Page): Promise<string> {
  const summary = page.getByTestId('progress-summary').first();
  const bar = summary.getByRole('progressbar');
  const text = (await summary.locator('span').first().innerText()).trim();
  return (await bar.count()) > 0 ? `${text} ${await bar.getAttribute('aria-valuenow')}` : text;
}

/** axe-core over WCAG 2.1 A and AA: no serious or critical violation may remain. */
/**
 * Axe on the page as it is, in the light theme and then in the dark one: the theme is switched the way the header's
 * toggle does it (the `dark` class, `color-scheme`, the event the editor follows), without reloading, so one setup
 * serves both themes. Transitions are turned off first, so contrast is read on settled colours.
 */
export async function expectNoSeriousViolationsInBothThemes(page: Page, name: string) {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      document.documentElement.classList.toggle('dark', t === 'dark');
      document.documentElement.style.colorScheme = t;
      window.dispatchEvent(new CustomEvent('compila:theme', { detail: t }));
    }, theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expectNoSeriousViolations(page, `${name} (${theme})`);
  }
}

export async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`,
  );
  expect(report, `axe on ${name}`).toEqual([]);
}
