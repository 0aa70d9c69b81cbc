// The engine bench's first peer: the same 8-step guarded ring as
// bench/workflows/bench/eight_step.lua, as an xstate machine driven through its actor API
// (createActor + send), the faster of xstate's two ways of taking transitions.
//
//   node xstate.mjs [SECONDS]   prints {"transitions":N,"seconds":S,"per_second":R}
import { createActor, createMachine } from 'xstate';

const seconds = Number(process.argv[2] ?? 3);
const states = {};
for (let i = 1; i <= 8; i++) {
  states[`s${i}`] = {
    on: {
      NEXT: { target: `s${(i % 8) + 1}`, guard: ({ context }) => (context.score ?? 0) >= 0 },
    },
  };
}
const machine = createMachine({
  id: 'bench.eight_step',
  initial: 's1',
  context: { score: 80 },
  states,
});
const actor = createActor(machine).start();
const next = { type: 'NEXT' };
let expected = 1;
function step() {
  actor.send(next);
  expected = (expected % 8) + 1;
}
// Warm-up for a tenth of the run (at least 0.5 s): V8 tiers the hot code up in background
// threads, which a loaded machine starves; the measurement starts on optimised code.
const warm = process.hrtime.bigint() + BigInt(Math.round(Math.max(0.5, seconds / 10) * 1e9));
while (process.hrtime.bigint() < warm) for (let i = 0; i < 256; i++) step();
if (actor.getSnapshot().value !== `s${expected}`) throw new Error('the guard refused a step');

let n = 0;
const start = process.hrtime.bigint();
const until = start + BigInt(Math.round(seconds * 1e9));
let now = start;
do {
  for (let i = 0; i < 256; i++) step();
  n += 256;
  now = process.hrtime.bigint();
} while (now < until);
if (actor.getSnapshot().value !== `s${expected}`) throw new Error('the guard refused a step');
const s = Number(now - start) / 1e9;
console.log(JSON.stringify({ transitions: n, seconds: +s.toFixed(3), per_second: Math.round(n / s) }));
