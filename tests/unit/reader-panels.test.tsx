// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ReaderPanelsProvider, useReaderPanel } from '@/components/reader-panels';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Toggle({ id }: { id: string }) {
  const panel = useReaderPanel(id);
  return (
    <button type="button" data-id={id} aria-expanded={panel.open} onClick={panel.toggle}>
      {id}
    </button>
  );
}

let container: HTMLElement;
function render(node: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(node));
  return root;
}
const click = (id: string) => act(() => container.querySelector<HTMLButtonElement>(`[data-id="${id}"]`)!.click());
const openIds = () => Array.from(container.querySelectorAll('[aria-expanded="true"]')).map((button) => button.getAttribute('data-id'));

afterEach(() => container.remove());

describe('reader panels', () => {
  it('keeps one panel open at a time in a reader', () => {
    const root = render(
      <ReaderPanelsProvider>
        <Toggle id="text-settings" />
        <Toggle id="site-rules" />
        <Toggle id="contents" />
      </ReaderPanelsProvider>,
    );
    click('text-settings');
    expect(openIds()).toEqual(['text-settings']);
    click('site-rules');
    expect(openIds()).toEqual(['site-rules']);
    click('contents');
    expect(openIds()).toEqual(['contents']);
    click('contents');
    expect(openIds()).toEqual([]);
    act(() => root.unmount());
  });

  it('lets a panel shown outside a reader keep its own state', () => {
    const root = render(
      <>
        <Toggle id="a" />
        <Toggle id="b" />
      </>,
    );
    click('a');
    click('b');
    expect(openIds()).toEqual(['a', 'b']);
    act(() => root.unmount());
  });
});
