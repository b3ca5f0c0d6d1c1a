// Edge runtimes (workerd) and their bundlers turn `import mod from "./x.wasm"` into a compiled module.
declare module "*.wasm" {
  const mod: WebAssembly.Module;
  export default mod;
}
