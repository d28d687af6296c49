/**
 * Line 1 of a trace (SPEC §8): `{"hmmTrace": 1, "config": {"devices": 2}}`. `config` must be
 * an object; `config.devices` defaults to 2 and must be an integer 1..8 (SPEC §1). Unknown
 * extra fields, in the header or its config, are ignored.
 */
import { DEFAULT_CONFIG, MAX_DEVICES, MIN_DEVICES, isWorldConfig, type WorldConfig } from '../../spec/index.js';
import { isJsonObject } from './parseLine.js';
import { describeJson, traceError, type TraceError } from './traceError.js';

const SHAPE = 'line 1 must be the header {"hmmTrace": 1, "config": {...}}';

/** Parses the header's JSON value into the world's configuration, or says what is wrong. */
export function parseHeader(value: unknown): WorldConfig | TraceError {
  if (!isJsonObject(value)) return traceError(1, `${SHAPE}, got ${describeJson(value)}`);
  if (value['hmmTrace'] !== 1) {
    const got = 'hmmTrace' in value ? describeJson(value['hmmTrace']) : 'no "hmmTrace"';
    return traceError(1, `${SHAPE}: "hmmTrace" must be 1, got ${got}`, 'hmmTrace');
  }
  const config = value['config'];
  if (!isJsonObject(config)) return traceError(1, `${SHAPE}: "config" must be an object, got ${describeJson(config)}`, 'config');
  if (!('devices' in config)) return DEFAULT_CONFIG;
  const devices = config['devices'];
  if (typeof devices !== 'number' || !isWorldConfig({ devices })) {
    return traceError(1, `field "config.devices" must be an integer ${MIN_DEVICES}..${MAX_DEVICES}, got ${describeJson(devices)}`, 'config.devices');
  }
  return { devices };
}
