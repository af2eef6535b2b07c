import { useEffect, useState } from 'preact/hooks';

/** "This is my site" as the card drives it: whether the person said so, and how to change it. */
export interface MySite {
  mine: boolean;
  set: (mine: boolean) => void;
}

/** Where "This is my site" is kept: read once, written on each change; both may fail (then it is this card's only). */
export interface MySiteStore {
  load: () => Promise<boolean>;
  save: (mine: boolean) => Promise<unknown>;
}

/**
 * "This is my site" for one card: starts as the store remembers it for the card's site, and
 * each change is saved there. Without a store (or when it fails) the switch still works for
 * this card.
 */
export function useMySite(store: MySiteStore | undefined): MySite {
  const [mine, setMine] = useState(false);
  useEffect(() => {
    let live = true;
    store
      ?.load()
      .then((value) => live && value && setMine(true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store]);
  return {
    mine,
    set: (value) => {
      setMine(value);
      void store?.save(value).catch(() => undefined);
    },
  };
}
