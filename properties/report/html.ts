/** HTML text helpers for the counterexample report: escaping, and a command printed like a call. */
import type { Command, Result } from '../../spec/index.js';
import { commandJson } from '../trace/index.js';

/** Escapes text for HTML content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A command as the call it models: `devRead(dev=0, mm=0, vpn=17)`, `step(op=3, choice=fence)`. */
export function callText(command: Command): string {
  const { cmd, ...fields } = commandJson(command);
  const args = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${String(cmd)}(${args.join(', ')})`;
}

/** A result as a trace shows it: `{"ok":0}`, `{"op":3}`, `{"err":"EBUSY"}`. */
export function resultText(result: Result): string {
  return JSON.stringify(result);
}
