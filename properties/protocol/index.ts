/** The process protocol (docs/protocol.md): check an implementation the checker did not ship with. */
export { readBreaches, readHello, readObservation, readReady, readResult, type Answer, type HelloAnswer } from './answers.js';
export { ImplementationCrash, crashText, type CrashFacts, type CrashKind } from './implementationCrash.js';
export { pipelinedRun, type RunPlan } from './pipelinedLockstep.js';
export { PIPELINE_HIGH, PIPELINE_LOW, SpeculativeRun } from './speculativeRun.js';
export { ProcessChannel, type ChannelEnd } from './processChannel.js';
export { processParts, skippedChecks, type ProcessPartsOptions } from './processParts.js';
export { DEFAULT_TIMEOUT_SECONDS, ProcessSession, ProtocolStartError } from './processSession.js';
export { ProcessWorld } from './processWorld.js';
export { escapeText, quoteText } from './quote.js';
export { CHECK_REQUEST, OBSERVE_REQUEST, PROTOCOL_VERSION, commandRequest, helloRequest, resetRequest } from './requests.js';
export { STDERR_LINES, StderrTail } from './stderrTail.js';
export { openImplementation } from './openImplementation.js';
