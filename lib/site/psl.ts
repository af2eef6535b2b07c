import { fastPathLookup } from 'tldts-core';

/**
 * The Public Suffix List as tldts ships it (its flat trie: `tldts/dist/es6/src/data/trie.js`),
 * as plain data, and the lookup over it. Pure. The extension loads the data from its own
 * `psl.json` when it first needs a site (./psl-browser.ts) instead of carrying 250 kB in its
 * bundles; the build writes that file, and Node has the list in memory (./psl-node.ts).
 */
export interface PslData {
  nodeFlags: number[];
  edgeStart: number[];
  edgeLength: number[];
  edgeChild: number[];
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/** tldts's trie module (`tldts/dist/es6/src/data/trie.js`), as its typed arrays. */
interface TldtsTrie {
  nodeFlags: ArrayLike<number>;
  edgeStart: ArrayLike<number>;
  edgeLength: ArrayLike<number>;
  edgeChild: ArrayLike<number>;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/** The trie as plain JSON-able data: what the build writes to psl.json. */
export function pslData(trie: TldtsTrie): PslData {
  return {
    nodeFlags: Array.from(trie.nodeFlags),
    edgeStart: Array.from(trie.edgeStart),
    edgeLength: Array.from(trie.edgeLength),
    edgeChild: Array.from(trie.edgeChild),
    labelText: trie.labelText,
    rulesRoot: trie.rulesRoot,
    exceptionsRoot: trie.exceptionsRoot,
  };
}

const ICANN = 1;
const PRIVATE = 2;

interface LookupOut {
  isIcann: boolean | null;
  isPrivate: boolean | null;
  publicSuffix: string | null;
}

/**
 * tldts's suffix lookup (its `suffix-trie.js`, same algorithm, same data) over data passed in.
 * test/unit/site/psl.test.ts checks it answers as tldts does.
 */
export function createSuffixLookup(data: PslData) {
  const { nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot } = data;
  const edges = edgeLength.length;
  const edgeOffset = new Uint32Array(edges);
  const edgeHash = new Uint32Array(edges);
  const wildcardEdge = new Int32Array(nodeFlags.length).fill(-1);
  for (let node = 0, offset = 0; node < nodeFlags.length; node += 1) {
    for (let edge = edgeStart[node] as number; edge < (edgeStart[node + 1] as number); edge += 1) {
      edgeOffset[edge] = offset;
      const end = offset + (edgeLength[edge] as number);
      let hash = 5381;
      for (let i = end - 1; i >= offset; i -= 1) hash = (hash * 33) ^ labelText.charCodeAt(i);
      edgeHash[edge] = hash >>> 0;
      if (edgeLength[edge] === 1 && labelText.charCodeAt(offset) === 42) wildcardEdge[node] = edge;
      offset = end;
    }
  }

  const labelEquals = (edge: number, host: string, start: number, length: number) => {
    if (edgeLength[edge] !== length) return false;
    const offset = edgeOffset[edge] as number;
    for (let i = 0; i < length; i += 1)
      if (labelText.charCodeAt(offset + i) !== host.charCodeAt(start + i)) return false;
    return true;
  };

  const findEdge = (node: number, hash: number, host: string, start: number, length: number) => {
    let lo = edgeStart[node] as number;
    let hi = edgeStart[node + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const value = edgeHash[mid] as number;
      if (value < hash) lo = mid + 1;
      else if (value > hash) hi = mid;
      else {
        for (let e = mid; e >= lo && edgeHash[e] === hash; e -= 1) if (labelEquals(e, host, start, length)) return e;
        for (let e = mid + 1; e < hi && edgeHash[e] === hash; e += 1) if (labelEquals(e, host, start, length)) return e;
        return -1;
      }
    }
    return -1;
  };

  /** The deepest matching node, walking the labels right to left; null when none matches. */
  const walk = (host: string, root: number, mask: number) => {
    let node = root;
    let end = host.length;
    let hash = 5381;
    let match: { node: number; start: number; end: number } | null = null;
    const step = (start: number) => {
      let edge = findEdge(node, hash >>> 0, host, start, end - start);
      if (edge === -1 && end !== start) edge = wildcardEdge[node] as number;
      if (edge === -1) return false;
      node = edgeChild[edge] as number;
      if (((nodeFlags[node] as number) & mask) !== 0) match = { node, start, end };
      return true;
    };
    for (let i = host.length - 1; i >= 0; i -= 1) {
      const code = host.charCodeAt(i);
      if (code === 46) {
        if (!step(i + 1)) return match;
        end = i;
        hash = 5381;
      } else {
        hash = (hash * 33) ^ code;
      }
    }
    step(0);
    return match as { node: number; start: number; end: number } | null;
  };

  return (host: string, options: { allowPrivateDomains: boolean; allowIcannDomains: boolean }, out: LookupOut) => {
    if (fastPathLookup(host, options as never, out as never)) return false;
    const mask = (options.allowPrivateDomains ? PRIVATE : 0) | (options.allowIcannDomains ? ICANN : 0);
    const exception = walk(host, exceptionsRoot, mask);
    if (exception) {
      out.isIcann = ((nodeFlags[exception.node] as number) & ICANN) !== 0;
      out.isPrivate = ((nodeFlags[exception.node] as number) & PRIVATE) !== 0;
      out.publicSuffix = host.slice(exception.end + 1);
      return true;
    }
    const rule = walk(host, rulesRoot, mask);
    if (rule) {
      out.isIcann = ((nodeFlags[rule.node] as number) & ICANN) !== 0;
      out.isPrivate = ((nodeFlags[rule.node] as number) & PRIVATE) !== 0;
      out.publicSuffix = host.slice(rule.start);
      return false;
    }
    out.isIcann = false;
    out.isPrivate = false;
    const lastDot = host.lastIndexOf('.');
    out.publicSuffix = lastDot === -1 ? host : host.slice(lastDot + 1);
    return false;
  };
}

/** A suffix lookup over one copy of the list, for ./site.ts. */
export type SuffixLookup = ReturnType<typeof createSuffixLookup>;
