import { createDurable } from 'itty-durable';
import { findHallConfig } from '../../worker/hall/hall-configs.ts';
import { HallEngine, type TakeTicketInput } from '../../worker/hall/hall-engine.ts';

/** Engines by object state, off the instance: itty-durable serializes the instance's own fields (getPersistable). */
const engines = new WeakMap<object, HallEngine>();

/**
 * The same hall engine as HallObject, reached through itty-durable 2.4 instead of native RPC: the worker's proxy
 * turns `stub.takeTicket(…)` into a fetch with the arguments JSON-encoded in a header, and the object routes it
 * with itty-router to the method, whose return value comes back as a JSON response.
 */
export class IttyHallObject extends createDurable() {
  private engine(hallId: string): HallEngine {
    const state = this.state as DurableObjectState;
    let engine = engines.get(state);
    if (!engine) {
      const config = findHallConfig(hallId);
      if (!config.ok) throw new Error(`unknown hall ${hallId}`);
      engine = new HallEngine(state.storage, config.value);
      engines.set(state, engine);
    }
    return engine;
  }

  echo(): string {
    return 'echo';
  }

  takeTicket(hallId: string, input: TakeTicketInput, key: string | null) {
    const taken = this.engine(hallId).takeTicket(input, key, crypto.randomUUID(), Date.now());
    return taken.ok ? { ok: true, value: { ticketId: taken.value.ticketId, reply: taken.value.reply, replay: taken.value.replay } } : taken;
  }
}
