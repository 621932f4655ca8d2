import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The dashboard card of a touchpoint, found by its heading (as a screen reader finds it). */
export function card(page: Page, label: string): Locator {
  return page.getByRole('region', { name: label, exact: true });
}

/** The number shown under a count label (Created, Updated, ...) of a card. */
export async function countOf(cardLocator: Locator, label: string): Promise<number> {
  const dd = cardLocator
    .locator('dl.counts > div')
    .filter({ has: cardLocator.page().getByText(label, { exact: true }) })
    .locator('dd');
  if ((await dd.count()) === 0) return 0;
  return Number(await dd.first().innerText());
}

/** Opens a screen through the main navigation and waits for its heading. */
export async function openScreen(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Marks the page so a test can prove it was never reloaded (updates came live). */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __e2eMark?: boolean }).__e2eMark = true));
}

/** True when the page still carries the mark (no reload happened). */
export function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __e2eMark?: boolean }).__e2eMark === true);
}

/** True when the page scrolls sideways (content wider than the window), which breaks 125% scaling. */
export function scrollsSideways(page: Page): Promise<boolean> {
  // Test files compile without the DOM library; the page has one.
  return page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth > root.clientWidth + 1;
  });
}

/** True when the element has keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el) =>
      (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
  );
}

/** Pauses the schedules from the dashboard so only the test's own clicks start runs. */
export async function pauseSchedules(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause schedules' }).click();
  await expect(page.getByRole('button', { name: 'Resume schedules' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Paused')).toBeVisible();
}

/**
 * Elements that stick out of their container (wider than their parent's box), outside scroll areas, and
 * visible: each as `tag.class "text"`. Empty when the layout holds.
 */
export function overflowingElements(page: Page): Promise<string[]> {
  // Test files compile without the DOM library; the page has one.
  return page.evaluate(() => {
    interface Box {
      left: number;
      right: number;
      width: number;
      height: number;
    }
    interface El {
      tagName: string;
      className: unknown;
      textContent: string | null;
      parentElement: El | null;
      getBoundingClientRect(): Box;
    }
    const g = globalThis as unknown as {
      document: { querySelectorAll(sel: string): ArrayLike<El> };
      getComputedStyle(el: El): { overflowX: string; position: string; clip: string; display: string };
    };
    const scrolls = (el: El): boolean => {
      for (let p: El | null = el.parentElement; p; p = p.parentElement) {
        const o = g.getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const out: string[] = [];
    const all = g.document.querySelectorAll('header *, main *, .banner *');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      const parent = el.parentElement;
      if (!parent) continue;
      const style = g.getComputedStyle(el);
      if (style.display === 'none' || style.position === 'absolute' || style.position === 'fixed') continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const outer = parent.getBoundingClientRect();
      if (box.right <= outer.right + 1 && box.left >= outer.left - 1) continue;
      if (scrolls(el)) continue;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      out.push(`${el.tagName.toLowerCase()}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return out;
  });
}

/** The layout at a width: no sideways scrolling and nothing sticking out of its container. */
export async function expectLayoutHolds(page: Page, what: string): Promise<void> {
  expect(await scrollsSideways(page), `${what}: sideways scrolling`).toBe(false);
  expect(await overflowingElements(page), `${what}: elements wider than their container`).toEqual([]);
}

/** Scroll areas (tables) that are wider than the window lets them show, by their caption or class. */
export function clippedTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wraps = (
      globalThis as unknown as {
        document: {
          querySelectorAll(sel: string): ArrayLike<{
            scrollWidth: number;
            clientWidth: number;
            querySelector(sel: string): { textContent: string | null } | null;
          }>;
        };
      }
    ).document.querySelectorAll('.table-wrap');
    const out: string[] = [];
    for (let i = 0; i < wraps.length; i++) {
      const w = wraps[i]!;
      if (w.scrollWidth > w.clientWidth + 1) out.push(w.querySelector('caption')?.textContent ?? 'table');
    }
    return out;
  });
}
