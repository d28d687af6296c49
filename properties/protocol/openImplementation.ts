/**
 * `--impl COMMAND`: start the implementation and say hello (docs/protocol.md). A command that
 * cannot start, exits, hangs or refuses the hello is not a counterexample (no command ran): it
 * is a `ProtocolStartError`, one line that `hmm-check` prints with exit 2.
 */
import type { WorldConfig } from '../../spec/index.js';
import { ProcessSession } from './processSession.js';

/** An open session with the implementation run by `command`; throws `ProtocolStartError`. */
export function openImplementation(command: string, timeoutSeconds: number, config: WorldConfig): ProcessSession {
  const session = new ProcessSession(command, timeoutSeconds);
  try {
    session.open(config);
  } catch (e) {
    session.close();
    throw e;
  }
  return session;
}
