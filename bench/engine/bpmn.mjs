// The engine bench's second peer: the same 8-step guarded process (eight_step.bpmn) in
// bpmn-engine. The BPMN is parsed once (bpmn-moddle); each run executes the parsed
// definitions from start to end, taking the eight guarded steps.
//
//   node bpmn.mjs [SECONDS]   prints {"transitions":N,"seconds":S,"per_second":R}
import { readFileSync } from 'node:fs';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';

const seconds = Number(process.argv[2] ?? 3);
const xml = readFileSync(new URL('./eight_step.bpmn', import.meta.url), 'utf8');
const moddleContext = await new BpmnModdle().fromXML(xml);

async function run() {
  const engine = new Engine({ name: 'eight_step', moddleContext, variables: { score: 80 } });
  const ended = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  const execution = await engine.execute();
  await ended;
  // A refused guard fails the run; check that the end event was reached.
  const end = execution.definitions[0].getActivityById('end');
  if (!end || end.counters.taken !== 1) throw new Error('the process did not reach its end');
}

// Warm-up as for xstate: a tenth of the run, at least 0.5 s.
const warm = process.hrtime.bigint() + BigInt(Math.round(Math.max(0.5, seconds / 10) * 1e9));
while (process.hrtime.bigint() < warm) await run();
let runs = 0;
const start = process.hrtime.bigint();
const until = start + BigInt(Math.round(seconds * 1e9));
let now = start;
do {
  await run();
  runs++;
  now = process.hrtime.bigint();
} while (now < until);
const s = Number(now - start) / 1e9;
const n = runs * 8;
console.log(JSON.stringify({ transitions: n, seconds: +s.toFixed(3), per_second: Math.round(n / s) }));
