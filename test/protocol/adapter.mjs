// An adapter that puts the TypeScript implementation (dist/impl, built by npm ci) behind the
// hmm-check process protocol, written from docs/protocol.md alone: NDJSON requests on stdin,
// one answer line each on stdout, in order. Run: hmm-check run --impl 'node test/protocol/adapter.mjs'
//
// Flags that make it misbehave, for the tests of the checker's crash handling:
//   --fault KIND:CMD   on the first request for command CMD: exit (after a sanitizer-like report
//                      on stderr), hang, garbage (a line that is not JSON), error ({"error":...}),
//                      wrong (its result plus one, when the result is {"ok":N}), skew (from
//                      then on, observations report one warning too many), batch (wrong, but
//                      only when the request came in one read with others: a timing bug)
//   --observes a,b     declare only these parts of the observation
//   --no-self-check    do not offer {"check":1}
//   --hello-error      refuse the hello
import { createImplWorld } from '../../dist/impl/index.js';

const PARTS = ['mms', 'pages', 'mirrors', 'fences', 'pending', 'ops', 'warnings', 'violations', 'next'];
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const [faultKind, faultCmd] = (flag('--fault') ?? ':').split(':');
const observes = flag('--observes')?.split(',') ?? PARTS;
const selfCheck = !args.includes('--no-self-check');

let world;
let skewed = false;

// The observation with only the declared keys, in SPEC §7 order: the canonical form.
function observation() {
  const o = world.observe();
  const out = {};
  for (const part of PARTS) if (observes.includes(part)) out[part] = o[part];
  if (skewed && 'warnings' in out) out.warnings += 1;
  if (out.next) out.next = { pfn: o.next.pfn, mirror: o.next.mirror, op: o.next.op, fence: o.next.fence, mm: o.next.mm };
  return out;
}

// A command request is a SPEC §8 trace line: pass it to the world as it is.
function command(request, alone) {
  if (request.cmd === faultCmd && !(faultKind === 'batch' && alone)) return misbehave(request);
  return world.apply(request);
}

function misbehave(request) {
  switch (faultKind) {
    case 'exit':
      process.stderr.write('==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010\n');
      process.stderr.write(`    #0 0x4011d6 in hmm_${request.cmd} adapter.c:42\n`);
      process.stderr.write('SUMMARY: AddressSanitizer: heap-use-after-free adapter.c:42 in hmm_fault\n');
      for (let i = 0; i < 30; i++) process.stderr.write(`  0x0c047fff80${i.toString(16).padStart(2, '0')}: fa fa fa fa fd fd fa fa\n`);
      process.stderr.write('==4242==ABORTING\n', () => process.exit(1));
      return undefined;
    case 'hang':
      setInterval(() => {}, 1000);
      return undefined;
    case 'garbage':
      return 'Segmentation fault\u001b[2J (not JSON)';
    case 'error':
      return { error: `cannot ${request.cmd} yet` };
    case 'skew':
      skewed = true;
      return world.apply(request);
    case 'batch':
    case 'wrong': {
      const result = world.apply(request);
      return 'ok' in result ? { ok: result.ok + 1 } : result;
    }
  }
  return world.apply(request);
}

// One request in, one answer out (undefined: no answer at all).
function answer(request, alone) {
  if ('hello' in request) {
    if (args.includes('--hello-error')) return { error: 'this adapter refuses to say hello' };
    world = createImplWorld(request.config);
    return { hello: 1, name: 'ts-adapter 1.0', observes, selfCheck };
  }
  if ('reset' in request) {
    world = createImplWorld(request.config);
    skewed = false;
    return { ready: 1 };
  }
  if ('cmd' in request) return command(request, alone);
  if ('observe' in request) return observation();
  if ('check' in request && selfCheck) return { breaches: [...world.checkStructure()] };
  return { error: `unknown request ${Object.keys(request)[0]}` };
}

// Answers are buffered while a chunk of input is being read, and written before waiting for more.
let partial = '';
let stopped = false;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (partial + chunk).split('\n');
  partial = lines.pop();
  let out = '';
  for (const line of lines) {
    if (stopped || line === '') continue;
    const reply = answer(JSON.parse(line), lines.length === 1);
    if (reply === undefined) stopped = true;
    else out += `${typeof reply === 'string' ? reply : JSON.stringify(reply)}\n`;
  }
  if (out !== '') process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
