import { useCallback, useRef, useState } from 'react';
import type { Route } from '../../app/router.ts';
import { CustomerProfile } from './CustomerProfile.tsx';
import { CustomersScreen } from './CustomersScreen.tsx';
import type { ListMemory, ListView } from './list-view.ts';
import { INITIAL_LIST_VIEW } from './list-view.ts';

/**
 * The customer book and the profiles opened from it. The book's search, sort and scroll position
 * live here, so going back from a profile returns to the same place.
 */
export function CustomersSection({ route }: { route: Route }) {
  const [view, setView] = useState<ListView>(INITIAL_LIST_VIEW);
  const memory = useRef<ListMemory>({ scrollOffset: 0, activeIndex: 0 });
  const [version, setVersion] = useState(0);
  const onCustomersChanged = useCallback(() => setVersion((v) => v + 1), []);

  if (route.name === 'customer') {
    return <CustomerProfile key={route.id} id={route.id} onCustomersChanged={onCustomersChanged} />;
  }
  return (
    <CustomersScreen
      importBatchId={route.name === 'customers' ? (route.importBatchId ?? null) : null}
      rfmSegment={route.name === 'customers' ? (route.rfmSegment ?? null) : null}
      tier={route.name === 'customers' ? (route.tier ?? null) : null}
      view={view}
      onViewChange={setView}
      memory={memory.current}
      version={version}
      onCustomersChanged={onCustomersChanged}
    />
  );
}
