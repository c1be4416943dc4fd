// A progress bar on stderr for long command-line runs (tournaments, claims).

/** Drawn only on a terminal and only once a run has taken a while, so pipes and CI stay clean. */
export function progressBar(label: string): {
  update: (done: number, total: number, detail?: string) => void;
  done: () => void;
} {
  const stream = process.stderr;
  const started = performance.now();
  let drawn = false;
  return {
    update(done, total, detail) {
      if (!stream.isTTY || performance.now() - started < 300) return;
      const width = 30;
      const filled = Math.round((Math.min(done, total) / Math.max(1, total)) * width);
      stream.write(
        `\r\x1b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${detail ? ` ${detail}` : ''}`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
