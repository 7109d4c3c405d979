/**
 * A small file system for the disk-full test: a tmpfs of a few MB, which only root (or a user with
 * CAP_SYS_ADMIN) can mount. `fill` writes a filler file until the kernel says ENOSPC; `free` deletes it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface SmallDisk {
  readonly path: string;
  fill(): number;
  free(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `megabytes` at `<dir>/disk`, or answers why it cannot. */
export function mountSmallDisk(dir: string, megabytes: number): SmallDisk | string {
  const path = join(dir, 'disk');
  mkdirSync(path, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0] ?? ''})`;
  }
  const filler = join(path, 'filler');
  return {
    path,
    fill: () => {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024);
      let written = 0;
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free: () => unlinkSync(filler),
    unmount: () => execFileSync('umount', ['-l', path]),
  };
}
