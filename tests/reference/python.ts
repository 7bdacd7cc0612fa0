/** Finds a Python with NumPy: `python3` on PATH first, then Debian's /usr/bin/python3 (apt-get install python3-numpy). */
import { spawnSync } from 'node:child_process';

export function findNumpyPython(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(candidate, ['-c', 'import numpy'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) return candidate;
  }
  return undefined;
}
