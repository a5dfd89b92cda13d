/**
 * What a chaos run is made of, from the environment: the seed everything random derives from, the
 * shop's size, how many workers are killed, the share of Shopify requests that get a fault.
 */
export interface ChaosSettings {
  seed: number;
  orders: number;
  kills: number;
  /** Share of the shop's GraphQL requests that get an injected fault (0.1 = 10 %). */
  faultRate: number;
  /** A run that has not settled after this many rounds of tasks stops and says so. */
  maxRounds: number;
}

export const SHOP = 'chaos-store.myshopify.com';
export const TOKEN = 'shpat_chaos_token_0000';
export const DATABASE = 'shopsync_chaos';
export const TASK_QUEUE = 'shopify-sync-chaos';
/** The chaos run keeps this many worker processes alive. */
export const WORKERS = 2;

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, check: (value: number) => boolean, rule: string): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name}=${text}: must be ${rule}`);
  return value;
}

export function chaosSettings(env: NodeJS.ProcessEnv = process.env): ChaosSettings {
  const whole = (min: number) => (value: number) => Number.isInteger(value) && value >= min;
  return {
    seed: numberFrom(env, 'CHAOS_SEED', 12, whole(0), 'a whole number'),
    orders: numberFrom(env, 'CHAOS_ORDERS', 5000, whole(10), 'a whole number of at least 10'),
    kills: numberFrom(env, 'CHAOS_KILLS', 20, whole(0), 'a whole number'),
    faultRate: numberFrom(env, 'CHAOS_FAULT_RATE', 0.1, (v) => v >= 0 && v <= 0.5, 'between 0 and 0.5'),
    maxRounds: numberFrom(env, 'CHAOS_MAX_ROUNDS', 40, whole(3), 'a whole number of at least 3'),
  };
}
