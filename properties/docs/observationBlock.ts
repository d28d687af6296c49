/** The observation's generated part (`observation`): every part of SPEC §7 and its fields, from `OBSERVATION_FIELDS` (spec/). */
import { OBSERVATION_FIELDS, OBSERVATION_PARTS, type ObservationPart } from '../../spec/index.js';

function shape(part: ObservationPart): string {
  const names = OBSERVATION_FIELDS[part].fields.map((f) => f.name).join(', ');
  if (part === 'next') return `{${names}}`;
  if (part === 'warnings') return 'n';
  if (part === 'violations') return '[string]';
  return `[[${names}]]`;
}

/** Block `observation`. */
export function observationBlock(): string {
  return OBSERVATION_PARTS.map((part) => {
    const p = OBSERVATION_FIELDS[part];
    const fields = p.fields.map((f) => `  - \`${f.name}\`: ${f.meaning}`);
    return [`- \`${part}\` \`${shape(part)}\`: ${p.meaning}.`, ...fields].join('\n');
  }).join('\n');
}
