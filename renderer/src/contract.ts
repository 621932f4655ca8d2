/** The renderer's one doorway into src/: the typed UI <-> engine contract. */
export * from '../../src/contract/index.js';
