/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --profile`):
 *   node dist/bench/profile-summary.js FILE.cpuprofile [--top 25] [--filter src/]
 * Prints the functions with the most self time and the most inclusive (self + callees) time, as a
 * share of the profile's non-idle samples.
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(frame: CallFrame): string {
  const file = frame.url
    ? frame.url
        .replace(/^file:\/\//, '')
        .replace(/^.*\/(node_modules\/)/, '$1')
        .replace(/^.*\/dist\//, 'dist/')
    : '';
  return `${frame.functionName || '(anonymous)'} ${file ? `${path.basename(path.dirname(file))}/${path.basename(file)}:${frame.lineNumber + 1}` : ''}`.trim();
}

export function summarize(file: string, top = 25, filter?: string): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfTime = new Map<number, number>();
  for (const [index, id] of profile.samples.entries())
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  let busy = 0;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      if (name !== '(idle)') self.set(name, (self.get(name) ?? 0) + time);
      if (name !== '(idle)') busy += time;
      continue;
    }
    busy += time;
    const key = label(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + time);
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frameKey = label(byId.get(cursor)!.callFrame);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + time);
    }
  }
  const share = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .filter(([key]) => !filter || key.includes(filter))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, t]) => `  ${share(t)}  ${(t / 1000).toFixed(0).padStart(6)} ms  ${key}`)
      .join('\n');
  return [
    `${path.basename(file)}: ${(busy / 1000).toFixed(0)} ms busy`,
    'self time:',
    list(self),
    'inclusive time:',
    list(inclusive),
  ].join('\n');
}

if (process.argv[2]) {
  const argv = process.argv.slice(2);
  const topIndex = argv.indexOf('--top');
  const filterIndex = argv.indexOf('--filter');
  process.stdout.write(
    `${summarize(argv[0]!, topIndex >= 0 ? Number(argv[topIndex + 1]) : 25, filterIndex >= 0 ? argv[filterIndex + 1] : undefined)}\n`,
  );
}
