import type { Page } from '@playwright/test';

/**
 * What keeps a coach from using the Ride screen at a glance: a gate or the matrix outside the
 * viewport (scrolling between a tap and the matrix), anything wider than the screen (tables
 * scroll on their own), a visible tap target under 48 px.
 */
export async function layoutProblems(page: Page): Promise<{ outside: string[]; overflow: string[]; small: string[] }> {
  return page.evaluate(`(() => {
    const view = { w: document.documentElement.clientWidth, h: window.innerHeight };
    const label = (el) => el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
    const outside = [...document.querySelectorAll('[data-testid=gate-button], [data-testid=efficiency-matrix]')]
      .filter((el) => { const b = el.getBoundingClientRect(); return b.top < 0 || b.left < 0 || b.bottom > view.h + 0.5 || b.right > view.w + 0.5; })
      .map((el) => { const b = el.getBoundingClientRect(); return label(el) + ' ' + Math.round(b.top) + '–' + Math.round(b.bottom) + ' of ' + view.h; });
    const overflow = [...document.querySelectorAll('main *')]
      .filter((el) => el.checkVisibility({ contentVisibilityAuto: true }) && el.getBoundingClientRect().right > view.w + 0.5 && !el.closest('.table-scroll'))
      .map(label).slice(0, 5);
    if (document.documentElement.scrollWidth > view.w) overflow.push('page ' + document.documentElement.scrollWidth + ' px wide');
    const small = [...document.querySelectorAll('main button, main select, main input:not([type=file]), main summary, main a')]
      .filter((el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && el.getBoundingClientRect().height < 48 && !el.closest('.visually-hidden'))
      .map((el) => label(el) + ' ' + el.getBoundingClientRect().height.toFixed(0) + ' px');
    return { outside, overflow, small };
  })()`);
}
