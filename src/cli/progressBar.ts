import type { ProgressEvent } from "../progress.js";

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { onProgress?: (e: ProgressEvent) => void; done(): void } {
  if (!stream.isTTY) return { done() {} };
  let last = 0;
  let drawn = false;
  return {
    onProgress(e) {
      const t = Date.now();
      if (t - last < 50 && e.done < e.total) return;
      last = t;
      const width = 28;
      const frac = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
      const fill = Math.round(frac * width);
      const label = `${e.stage}${e.detail ? ` (${e.detail})` : ""}`;
      stream.write(`\r\x1b[2K${label.padEnd(24)} [${"#".repeat(fill)}${" ".repeat(width - fill)}] ${e.done}/${e.total}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
