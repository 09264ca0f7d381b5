// Seeded named streams and distributions.
export { RandomStream, RandomStreams, streamSeed, type Seed } from './stream.js';
export * from './distributions.js';
