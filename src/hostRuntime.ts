/** Detect the host runtime (informational only; never affects a value). */
export function hostRuntime(): string {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.Deno === "object") return "deno";
  if (typeof g.Bun === "object") return "bun";
  const nav = g.navigator as { userAgent?: string } | undefined;
  if (nav?.userAgent === "Cloudflare-Workers") return "workerd";
  const proc = g.process as { versions?: { node?: string } } | undefined;
  if (proc?.versions?.node) return "node";
  if (typeof g.document === "object") return "browser";
  if (typeof g.importScripts === "function" || typeof g.WorkerGlobalScope === "function") return "worker";
  return "unknown";
}
