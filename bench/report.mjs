// Medians with min–max per metric and system, the ratios of medians that the targets are stated
// in (issue 5), printed as a Markdown table and saved as JSON.

/** `before`: dropserve built from another tree (--baseline), for before/after rows. */
export const SYSTEMS = ['dropserve', 'before', 'floor', 'python', 'serve'];

/**
 * What is measured. `higher`: bigger is better (rates). Labels take the run's sizes, so that the
 * smoke run's table says what it measured.
 */
export function metricsFor(s) {
  const n = (x) => x.toLocaleString('en-US');
  const big = s.bigBytes >= 2 ** 30 ? `${s.bigBytes / 2 ** 30} GiB` : `${s.bigBytes / 2 ** 20} MiB`;
  return [
    { id: 'import.files.rate', label: `import ${n(s.importFiles)} files: files/s`, higher: true },
    { id: 'import.files.heap', label: `import ${n(s.importFiles)} files: peak page JS heap, MiB` },
    { id: 'import.big.ms', label: `import one ${big} file: ms` },
    { id: 'import.big.rate', label: `import one ${big} file: MB/s`, higher: true },
    { id: 'import.big.heap', label: `import one ${big} file: peak page JS heap, MiB` },
    { id: 'pageload.warm', label: `page load, ${n(s.subresources)} subresources, warm: ms to load` },
    { id: 'pageload.cold', label: `page load, ${n(s.subresources)} subresources, cold SW: ms to load` },
    { id: 'requests.one', label: `${n(s.requests)} × ${s.requestBytes} B one at a time: ms per request` },
    { id: 'requests.fifty', label: `${n(s.requests)} × ${s.requestBytes} B, 50 in flight: ms per request` },
    { id: 'big.rate', label: `stream one ${big} file: MB/s`, higher: true },
    { id: 'big.firstByte', label: `stream one ${big} file: ms to first byte` },
    { id: 'big.swHeap', label: `stream one ${big} file: SW JS heap growth, MiB` },
    { id: 'listing.warm', label: `listing of ${n(s.listing)} entries, warm: ms to load` },
    { id: 'listing.cold', label: `listing of ${n(s.listing)} entries, cold SW: ms to load` },
    { id: 'listing.html', label: `listing of ${n(s.listing)} entries: ms for the HTML` },
  ];
}

/**
 * The targets of issue 5. `vs`: the ratio of medians dropserve ÷ that system (`vsMetric` when
 * the peers' number is another metric: they have no cold start); `max`/`min`: the bound.
 */
export const TARGETS = [
  { metric: 'pageload.warm', vs: 'python', max: 0.8 },
  { metric: 'pageload.warm', vs: 'serve', max: 0.8 },
  { metric: 'pageload.warm', vs: 'floor', max: 1.15 },
  { metric: 'pageload.cold', vs: 'python', vsMetric: 'pageload.warm', max: 0.85 },
  { metric: 'pageload.cold', vs: 'serve', vsMetric: 'pageload.warm', max: 0.85 },
  { metric: 'pageload.cold', vs: 'floor', max: 1.15 },
  { metric: 'requests.one', vs: 'python', max: 1.2 },
  { metric: 'requests.fifty', vs: 'python', max: 0.9 },
  { metric: 'requests.fifty', vs: 'floor', max: 1.15 },
  { metric: 'big.rate', vs: 'python', min: 1.0 },
  { metric: 'big.firstByte', max: 10 },
  { metric: 'big.swHeap', max: 16, note: 'flat: the bytes never enter the SW’s JS heap' },
  { metric: 'import.files.rate', min: 1000 },
  { metric: 'import.files.rate', vs: 'floor', min: 0.8 },
  { metric: 'import.big.ms', max: 1500 },
  { metric: 'import.files.heap', max: 256 },
  { metric: 'import.big.heap', max: 256 },
  { metric: 'listing.warm', vs: 'python', max: 1.0 },
  { metric: 'listing.cold', vs: 'python', vsMetric: 'listing.warm', max: 1.5 },
  { metric: 'listing.html', vs: 'python', max: 2.0 },
];

export class Results {
  /** @type {Record<string, Record<string, number[]>>} metric → system → samples */
  samples = {};
  /** @type {Record<string, unknown>} */
  environment = {};
  /** @type {Record<string, unknown>[]} what each measurement saw, to check the numbers are real */
  checks = [];

  add(metric, system, value) {
    ((this.samples[metric] ??= {})[system] ??= []).push(value);
  }

  stats(metric, system) {
    const values = this.samples[metric]?.[system];
    if (!values?.length) return undefined;
    const sorted = values.toSorted((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
  }

  /** Each target with its measured value (a ratio of medians, or dropserve's median) and verdict. */
  verdicts() {
    return TARGETS.flatMap((target) => {
      const ours = this.stats(target.metric, 'dropserve');
      const theirs = target.vs && this.stats(target.vsMetric ?? target.metric, target.vs);
      if (!ours || (target.vs && !theirs)) return [];
      const value = theirs ? ours.median / theirs.median : ours.median;
      const met = target.max !== undefined ? value <= target.max : value >= /** @type {number} */ (target.min);
      return [{ ...target, value, met }];
    });
  }
}

const fmt = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The table of medians (min–max), then the targets with their ratios of medians. */
export function renderTables(results, metrics) {
  const systems = SYSTEMS.filter((system) => Object.values(results.samples).some((bySystem) => system in bySystem));
  // With a baseline, one more column: dropserve's median ÷ the baseline's (before/after rows).
  const compared = systems.includes('before') ? ['dropserve ÷ before'] : [];
  const lines = [`| measurement | ${[...systems, ...compared].join(' | ')} |`, `|---|${[...systems, ...compared].map(() => '---:').join('|')}|`];
  for (const metric of metrics) {
    const cells = systems.map((system) => {
      const s = results.stats(metric.id, system);
      return s ? `${fmt(s.median)} <sub>${fmt(s.min)}–${fmt(s.max)}</sub>` : '';
    });
    if (compared.length) {
      const [after, before] = [results.stats(metric.id, 'dropserve'), results.stats(metric.id, 'before')];
      cells.push(after && before ? `${fmt(after.median / before.median)}×` : '');
    }
    if (cells.some(Boolean)) lines.push(`| ${metric.label}${metric.higher ? ' ↑' : ''} | ${cells.join(' | ')} |`);
  }
  const labels = Object.fromEntries(metrics.map((m) => [m.id, m.label]));
  lines.push('', '| target | dropserve | met |', '|---|---:|:---:|');
  for (const v of results.verdicts()) {
    const bound = v.max !== undefined ? `≤ ${v.max}` : `≥ ${v.min}`;
    const what = v.vs ? `${labels[v.metric]}: ÷ ${v.vs}${v.vsMetric && v.vsMetric !== v.metric ? ' (warm)' : ''} ${bound}×` : `${labels[v.metric]} ${bound}`;
    lines.push(`| ${what} | ${v.vs ? `${fmt(v.value)}×` : fmt(v.value)} | ${v.met ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}

/** The JSON of a run: environment, every sample, the summary and the verdicts. */
export function toJson(results, metrics) {
  const summary = Object.fromEntries(metrics.map((m) => [m.id, Object.fromEntries(SYSTEMS.flatMap((s) => {
    const stats = results.stats(m.id, s);
    return stats ? [[s, stats]] : [];
  }))]));
  return JSON.stringify({ environment: results.environment, summary, targets: results.verdicts(), samples: results.samples, checks: results.checks }, null, 1);
}
