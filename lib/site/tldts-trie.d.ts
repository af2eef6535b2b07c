// tldts ships its list's flat trie as a module without its own declaration path; the types are
// those of its `dist/types` twin. Read by ./psl-node.ts (the build, tests and benchmarks).
declare module 'tldts/dist/es6/src/data/trie.js' {
  export * from 'tldts/dist/types/src/data/trie';
}
