// Resident memory of a process and all its descendants, from /proc (Linux): Chromium's Service
// Worker runs in some renderer of the browser's tree, and which one is not ours to know.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Bytes resident in `rootPid` and its descendants; 0 where /proc is not there. */
export function processTreeRss(rootPid) {
  const parents = new Map();
  const rss = new Map();
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      // `comm` may hold spaces and parentheses: the fields after its closing ')' are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(pid), Number(fields[1]));
      rss.set(Number(pid), Number(fields[21]) * PAGE_BYTES);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}
