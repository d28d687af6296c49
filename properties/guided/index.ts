/** Coverage-guided generation: a feature map of interleavings, a corpus, mutations, the loop. */
export { featuresOf, MAX_VPNS } from './features.js';
export { FeatureMap } from './featureMap.js';
export { Corpus, type CorpusEntry } from './corpus.js';
export { CommandSource } from './commandSource.js';
export { mutate, type MutationContext } from './mutate.js';
export { execute, type Execution, type ObservedSystem, type Snapshot, type Start } from './recorder.js';
export { FRESH_SHARE, RESUME_SHARE, runGuided, WARMUP, type GuidedOutcome, type GuidedSettings } from './guidedLoop.js';
export { randomFeatures, type RandomFeatureSettings } from './randomFeatures.js';
export { Rng } from './rng.js';
